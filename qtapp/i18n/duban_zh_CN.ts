<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../commands.py" line="68"/>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../commands.py" line="87"/>
        <source>Assign %n task(s)</source>
        <translation>分配 %n 项任务</translation>
    </message>
    <message>
        <location filename="../commands.py" line="106"/>
        <source>%n suggestion(s) taken.</source>
        <translation>已采纳 %n 项任务的建议。</translation>
    </message>
    <message>
        <location filename="../commands.py" line="117"/>
        <source>lead department set to %1</source>
        <translation>牵头处室设为%1</translation>
    </message>
    <message>
        <location filename="../commands.py" line="117"/>
        <source>lead department cleared</source>
        <translation>牵头处室已清空</translation>
    </message>
    <message>
        <location filename="../commands.py" line="119"/>
        <source>cooperating departments set to %1</source>
        <translation>配合处室设为%1</translation>
    </message>
    <message>
        <location filename="../commands.py" line="120"/>
        <source>cooperating departments cleared</source>
        <translation>配合处室已清空</translation>
    </message>
    <message>
        <location filename="../commands.py" line="122"/>
        <source>leader set to %1</source>
        <translation>分管领导设为%1</translation>
    </message>
    <message>
        <location filename="../commands.py" line="122"/>
        <source>leader cleared</source>
        <translation>分管领导已清空</translation>
    </message>
    <message>
        <location filename="../commands.py" line="123"/>
        <source>responsible person set to %1</source>
        <translation>责任人设为%1</translation>
    </message>
    <message>
        <location filename="../commands.py" line="123"/>
        <source>responsible person cleared</source>
        <translation>责任人已清空</translation>
    </message>
    <message>
        <location filename="../commands.py" line="124"/>
        <source>deadline set to %1</source>
        <translation>完成时限设为%1</translation>
    </message>
    <message>
        <location filename="../commands.py" line="124"/>
        <source>deadline cleared</source>
        <translation>完成时限已清空</translation>
    </message>
    <message>
        <location filename="../commands.py" line="133"/>
        <source>%n task(s): %1.</source>
        <translation>已将 %n 项任务的%1。</translation>
    </message>
    <message>
        <location filename="../commands.py" line="133"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../commands.py" line="140"/>
        <source>%1 now leads, so it was taken off the cooperating departments of %n task(s).</source>
        <translation>%1已改为牵头，已从 %n 项任务的配合处室中移除。</translation>
    </message>
    <message>
        <location filename="../display.py" line="67"/>
        <source>No deadline yet.</source>
        <translation>尚未设定完成时限。</translation>
    </message>
    <message>
        <location filename="../display.py" line="69"/>
        <source>Due %1.</source>
        <translation>完成时限：%1。</translation>
    </message>
    <message>
        <location filename="../display.py" line="71"/>
        <source>Kept as written; it names no date Duban understands.</source>
        <translation>已按原文保存；其中没有可识别的日期。</translation>
    </message>
    <message>
        <location filename="../display.py" line="73"/>
        <source>Open-ended: reviewed every reporting period.</source>
        <translation>无固定日期：每个报送周期复核。</translation>
    </message>
    <message>
        <location filename="../display.py" line="85"/>
        <source>Open-ended: reviewed every period</source>
        <translation>无固定日期：每期复核</translation>
    </message>
    <message>
        <location filename="../display.py" line="86"/>
        <source>⚠ Not understood — it will be kept exactly as written, with no date</source>
        <translation>⚠ 无法识别——将按原文保存，不设日期</translation>
    </message>
    <message>
        <location filename="../display.py" line="95"/>
        <source>restored (undo/redo)</source>
        <translation>已恢复（撤销/重做）</translation>
    </message>
    <message>
        <location filename="../display.py" line="97"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../display.py" line="97"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="42"/>
        <source>Record progress of task %1</source>
        <translation>记录任务 %1 的进展</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="49"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="49"/>
        <source>There is no suggestion to take.</source>
        <translation>没有可采纳的建议。</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="51"/>
        <source>Take %n suggestion(s)</source>
        <translation>采纳 %n 条建议</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="60"/>
        <source>Edit task %1</source>
        <translation>修改任务 %1</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="72"/>
        <source>Split task %1</source>
        <translation>拆分任务 %1</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="94"/>
        <source>Merge task %1 with the next</source>
        <translation>将任务 %1 与下一项合并</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="105"/>
        <source>Add a task after %1</source>
        <translation>在 %1 之后添加任务</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="119"/>
        <source>Delete %n task(s)</source>
        <translation>删除 %n 项任务</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="131"/>
        <source>The task is already first or last in its item.</source>
        <translation>该任务已在本条目的最前或最后。</translation>
    </message>
    <message>
        <location filename="../task_actions.py" line="137"/>
        <source>Move task %1</source>
        <translation>移动任务 %1</translation>
    </message>
    <message>
        <location filename="../context.py" line="308"/>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../context.py" line="311"/>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="140"/>
        <source>Apply %n confirmation decision(s)</source>
        <translation>应用 %n 项分工确认决定</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="187"/>
        <source>Forms not read</source>
        <translation>分工确认表未读入</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="188"/>
        <source>Reading the returned forms…</source>
        <translation>正在读取返回的分工确认表…</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="197"/>
        <source>%n form(s) read</source>
        <translation>读入 %n 份确认表</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="198"/>
        <source>%n row(s) agreed</source>
        <translation>%n 行同意</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="199"/>
        <source>%n change(s) proposed</source>
        <translation>%n 处调整意见</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="205"/>
        <source>Not taken:</source>
        <translation>未采用：</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="35"/>
        <source>Mark %n task(s) for key supervision</source>
        <translation>将 %n 项任务列为重点督办</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="37"/>
        <source>Take %n task(s) off key supervision</source>
        <translation>取消 %n 项任务的重点督办</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="49"/>
        <source>Set the source of %n task(s) to %1</source>
        <translation>将 %n 项任务的来源设为%1</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="55"/>
        <source>Set the stage target of task %1</source>
        <translation>设定任务 %1 的阶段目标</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="57"/>
        <source>Clear the stage target of task %1</source>
        <translation>清除任务 %1 的阶段目标</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="62"/>
        <source>Postpone task %1 to %2</source>
        <translation>任务 %1 延期至%2</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="69"/>
        <source>Add %1&apos;s instruction to task %2</source>
        <translation>为任务 %2 添加%1的批示</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="77"/>
        <source>Remove %1&apos;s instruction from task %2</source>
        <translation>删除任务 %2 上%1的批示</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="85"/>
        <source>New supervision ledger “%1”</source>
        <translation>新建督办事项台账“%1”</translation>
    </message>
    <message>
        <location filename="../supervision_actions.py" line="95"/>
        <source>Add a supervision item to “%1”</source>
        <translation>向“%1”添加督办事项</translation>
    </message>
</context>
<context>
    <name>AccessBanner</name>
    <message>
        <location filename="../ui/access_banner.py" line="29"/>
        <source>Open for editing</source>
        <translation>以编辑方式打开</translation>
    </message>
    <message>
        <location filename="../ui/access_banner.py" line="44"/>
        <source>Read-only: %1, so nothing can be saved here. You can look, filter and export; to work in it, save a copy (File → Save a copy…) into a folder you can write, such as Documents, and open the copy.</source>
        <translation>只读：%1，在这里不能保存任何修改。可以查看、筛选和导出；要在其中工作，请另存一份副本（文件 → 另存副本…）到可以写入的文件夹（例如“文档”），然后打开这份副本。</translation>
    </message>
    <message>
        <location filename="../ui/access_banner.py" line="50"/>
        <source>Read-only: this database is open for editing in %1. You can look, filter and export; to edit, close Duban there and press “Open for editing”.</source>
        <translation>只读：该数据库正在%1中编辑。此处可以查看、筛选和导出；如需修改，请先关闭那边的督办，再点“以编辑方式打开”。</translation>
    </message>
    <message>
        <location filename="../ui/access_banner.py" line="58"/>
        <source>This database is on a network share. It is kept in the slower but safe rollback-journal mode; only one computer should use it at a time. A copy on this computer&apos;s own disk is faster and safer.</source>
        <translation>该数据库位于网络共享文件夹中，已改用较慢但安全的回滚日志模式；同一时间只应有一台电脑使用。放在本机磁盘上更快、更安全。</translation>
    </message>
    <message>
        <location filename="../ui/access_banner.py" line="64"/>
        <source>Today&apos;s backup could not be made (the disk may be nearly full). The database itself is unharmed and works as usual; free some disk space so that the next backup succeeds.</source>
        <translation>今天的备份没能完成（磁盘可能快满了）。数据库本身完好，照常使用；请清理一些磁盘空间，以便下次备份成功。</translation>
    </message>
    <message>
        <location filename="../ui/access_banner.py" line="70"/>
        <source>This computer&apos;s clock looks wrong: the database was already changed or backed up at a later time than the clock says now. Set the date and time in the system settings. Backups are kept in the order they were made, whatever the clock says.</source>
        <translation>这台电脑的时钟似乎不对：数据库的修改或备份时间比时钟现在显示的时间还晚。请在系统设置中校正日期和时间。无论时钟显示什么，备份都按生成的先后顺序保存。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="106"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../app.py" line="96"/>
        <source>Something went wrong that Duban did not expect. What you saved is safe; the last action may not have been completed. Please try it again.</source>
        <translation>督办遇到了一个意外的问题。已保存的内容都是安全的，但刚才的操作可能没有完成，请再试一次。</translation>
    </message>
    <message>
        <location filename="../app.py" line="102"/>
        <source>The details are in the log file: %1</source>
        <translation>详细情况已记入日志文件：%1</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../context.py" line="214"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../context.py" line="210"/>
        <source>This database is open for editing in %1, so it is read-only here and nothing was changed.

Close Duban there, then choose File → Open for editing.</source>
        <translation>该数据库正在%1中编辑，此处为只读，未做任何修改。

请先关闭那边的督办，再选择“文件 → 以编辑方式打开”。</translation>
    </message>
    <message>
        <location filename="../context.py" line="184"/>
        <source>the folder %1 cannot be written (a read-only share, a CD, a protected folder)</source>
        <translation>文件夹 %1 不能写入（只读共享、光盘或受保护的文件夹）</translation>
    </message>
    <message>
        <location filename="../context.py" line="187"/>
        <source>the file %1 is marked read-only</source>
        <translation>文件 %1 设为了只读</translation>
    </message>
    <message>
        <location filename="../context.py" line="189"/>
        <source>this database is open for editing in %1</source>
        <translation>这个数据库正在 %1 中编辑</translation>
    </message>
    <message>
        <location filename="../context.py" line="204"/>
        <source>Read-only: %1, so nothing was changed.

To work in this database, save a copy (File → Save a copy…) into a folder you can write, such as Documents, and open the copy.</source>
        <translation>只读：%1，所以没有做任何修改。

要在这个数据库中工作，请另存一份副本（文件 → 另存副本…）到可以写入的文件夹（例如“文档”），然后打开这份副本。</translation>
    </message>
    <message>
        <location filename="../context.py" line="224"/>
        <source>Still read-only</source>
        <translation>仍为只读</translation>
    </message>
    <message>
        <location filename="../context.py" line="284"/>
        <location filename="../context.py" line="290"/>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
</context>
<context>
    <name>AssignmentEditor</name>
    <message>
        <location filename="../ui/assignment_editor.py" line="94"/>
        <location filename="../ui/assignment_editor.py" line="301"/>
        <source>Names separated by 、</source>
        <translation>多个名称用“、”分隔</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="101"/>
        <location filename="../ui/assignment_editor.py" line="305"/>
        <source>Optional: a person in the lead department</source>
        <translation>可选：牵头处室的具体负责人</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="104"/>
        <location filename="../ui/assignment_editor.py" line="303"/>
        <source>As written: 6月底前, 三季度, 长期坚持 …</source>
        <translation>按原文填写：6月底前、三季度、长期坚持……</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="115"/>
        <source>Take suggestion</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="117"/>
        <source>Assign as suggested (Alt+S)</source>
        <translation>按建议分配（Alt+S）</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="121"/>
        <source>Apply (Ctrl+Enter)</source>
        <translation>应用（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="132"/>
        <source>Lead department</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="133"/>
        <source>Cooperating</source>
        <translation>配合处室</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="134"/>
        <source>Leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="135"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="136"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="216"/>
        <source>(several values — type to replace them all)</source>
        <translation>（多个值——输入后将全部替换）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/assignment_editor.py" line="327"/>
        <source>Apply to %n task(s)</source>
        <translation>
            <numerusform>应用到 %n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="361"/>
        <source>No leader called “%1”. Add the leader in the directory (Ctrl+D).</source>
        <translation>没有名为“%1”的分管领导。请在处室与领导名录中添加（Ctrl+D）。</translation>
    </message>
    <message>
        <location filename="../ui/assignment_editor.py" line="379"/>
        <source>No department called “%1”. Check the name, or add it in the directory (Ctrl+D).</source>
        <translation>没有名为“%1”的处室。请检查名称，或在处室与领导名录中添加（Ctrl+D）。</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../models/backups_model.py" line="18"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="19"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="20"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="21"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="24"/>
        <source>First use of the day</source>
        <translation>当天首次打开</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="25"/>
        <source>The file before a restore</source>
        <translation>恢复前的文件</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="26"/>
        <source>The damaged file, kept</source>
        <translation>保留的损坏文件</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="27"/>
        <source>Before a plan was replaced</source>
        <translation>替换计划前</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="28"/>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="29"/>
        <source>Before a plan was removed</source>
        <translation>删除计划前</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="30"/>
        <source>Before a carry-over</source>
        <translation>结转前</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="31"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="66"/>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../models/backups_model.py" line="66"/>
        <source>Sound</source>
        <translation>完好</translation>
    </message>
</context>
<context>
    <name>ColumnLayout</name>
    <message>
        <location filename="../ui/columns.py" line="122"/>
        <source>Fit columns to content</source>
        <translation>按内容调整列宽</translation>
    </message>
</context>
<context>
    <name>ColumnMappingBox</name>
    <message>
        <location filename="../ui/column_mapping.py" line="24"/>
        <source>Number (序号)</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="25"/>
        <source>Item title (重点工作)</source>
        <translation>重点工作（事项标题）</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="26"/>
        <source>Task (工作任务)</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="27"/>
        <source>Lead department (牵头处室)</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="28"/>
        <source>Cooperating (配合处室)</source>
        <translation>配合处室</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="29"/>
        <source>Deadline (完成时限)</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="30"/>
        <source>Leader in charge (分管领导)</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="31"/>
        <source>Person responsible (责任人)</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="42"/>
        <source>Columns of the table</source>
        <translation>表格各列</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="63"/>
        <source>Column %1</source>
        <translation>第%1列</translation>
    </message>
    <message>
        <location filename="../ui/column_mapping.py" line="68"/>
        <source>(not used)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>ConfirmationExportDialog</name>
    <message>
        <location filename="../ui/confirmation_files.py" line="74"/>
        <source>Export confirmation forms</source>
        <translation>导出分工确认表</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="78"/>
        <source>Word (.docx)</source>
        <translation>Word 文档（.docx）</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="79"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel 表格（.xlsx）</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="83"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="88"/>
        <source>Ask for the reply by</source>
        <translation>要求在以下日期前报送</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="100"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="101"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="102"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="112"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="116"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="130"/>
        <source>Save the forms in</source>
        <translation>分工确认表保存到</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="137"/>
        <source>Choose where to save.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="143"/>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmation_files.py" line="158"/>
        <source>%n file(s) written:</source>
        <translation>
            <numerusform>已生成 %n 个文件：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmation_files.py" line="161"/>
        <source>%n task(s) have no department yet and are on no form.</source>
        <translation>
            <numerusform>%n 项任务尚未分工，未列入任何确认表。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/confirmation_files.py" line="171"/>
        <source>Not exported: %1</source>
        <translation>未能导出：%1</translation>
    </message>
</context>
<context>
    <name>ConfirmationReviewDialog</name>
    <message>
        <location filename="../ui/confirmation_review.py" line="39"/>
        <source>Review the departments&apos; confirmations</source>
        <translation>审核各处室的分工确认意见</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="54"/>
        <source>&amp;Accept (A)</source>
        <translation>采纳(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="56"/>
        <source>&amp;Reject (R)</source>
        <translation>不予采纳(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="58"/>
        <source>&amp;Undecided (U)</source>
        <translation>待定(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="60"/>
        <source>Accept all without conflict</source>
        <translation>采纳全部无冲突的意见</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="65"/>
        <source>Apply the decisions as one step (Ctrl+Enter)</source>
        <translation>将所作决定一步应用（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="66"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmation_review.py" line="149"/>
        <source>%n proposal(s) to decide</source>
        <translation>
            <numerusform>%n 条意见待决定</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmation_review.py" line="151"/>
        <source>%n task(s) where departments disagree (⚠)</source>
        <translation>
            <numerusform>%n 项任务各处室意见不一（⚠）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/confirmation_review.py" line="157"/>
        <source>Apply: accept %1, reject %2</source>
        <translation>应用：采纳 %1 条，不予采纳 %2 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/confirmation_review.py" line="162"/>
        <source>%n still undecided; they stay for later.</source>
        <translation>
            <numerusform>仍有 %n 条未决定，留待以后处理。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../ui/dashboard_panel.py" line="60"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="61"/>
        <source>On schedule</source>
        <translation>序时推进</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="62"/>
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="63"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="64"/>
        <source>Postponed</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="65"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="66"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="69"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="70"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="71"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="72"/>
        <source>Grey</source>
        <translation>灰</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="75"/>
        <source>Key supervision</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="76"/>
        <source>Key: completed</source>
        <translation>重点·已完成</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="77"/>
        <source>Key: behind or overdue</source>
        <translation>重点·滞后或逾期</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="78"/>
        <source>Deadline postponed</source>
        <translation>已延期</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="123"/>
        <source>Reporting period:</source>
        <translation>报送期次：</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="129"/>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="134"/>
        <source>By warning light</source>
        <translation>按预警</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="139"/>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="147"/>
        <source>Confirmation of assignments</source>
        <translation>分工确认</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="181"/>
        <source>By lead department</source>
        <translation>按牵头处室</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="184"/>
        <source>Completion and postponements by lead department</source>
        <translation>各牵头处室完成与延期情况</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="280"/>
        <source>(none: as of today)</source>
        <translation>（不按期次：截至今日）</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="361"/>
        <source>Dashboard not updated</source>
        <translation>看板未更新</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="382"/>
        <source>No plan chosen.</source>
        <translation>未选择工作要点。</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="383"/>
        <source>Not reported this period</source>
        <translation>本期未报送</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard_panel.py" line="386"/>
        <source>As of %1: %n task(s)</source>
        <translation>
            <numerusform>截至%1：共 %n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard_panel.py" line="392"/>
        <source>Not reported this period (%n)</source>
        <translation>
            <numerusform>本期未报送（%n 项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboard_panel.py" line="394"/>
        <source>Never reported (%n)</source>
        <translation>
            <numerusform>从未报送（%n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="417"/>
        <source>as of %1</source>
        <translation>截至%1</translation>
    </message>
    <message>
        <location filename="../ui/dashboard_panel.py" line="461"/>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
</context>
<context>
    <name>DepartmentChart</name>
    <message>
        <location filename="../ui/department_chart.py" line="30"/>
        <source>%1: %2 led, %3 completed, %4 overdue, %5 postponed</source>
        <translation>%1：牵头 %2 项，已完成 %3 项，逾期 %4 项，延期 %5 项</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="48"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="49"/>
        <source>Not completed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="50"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="51"/>
        <source>Postponed</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="52"/>
        <source>done {done}/{led}</source>
        <translation>完成 {done}/{led}</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="53"/>
        <source>overdue {n}</source>
        <translation>逾期 {n}</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="54"/>
        <source>postponed {n}</source>
        <translation>延期 {n}</translation>
    </message>
    <message>
        <location filename="../ui/department_chart.py" line="55"/>
        <source>No task has a lead department</source>
        <translation>没有牵头处室的任务</translation>
    </message>
</context>
<context>
    <name>DepartmentStatsModel</name>
    <message>
        <location filename="../models/dashboard_models.py" line="40"/>
        <source>Lead department</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="41"/>
        <source>Led</source>
        <translation>牵头任务</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="42"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="43"/>
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="44"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="45"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="46"/>
        <source>Completion</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="112"/>
        <source>%1 of %2 led tasks completed, %3 behind, %4 overdue</source>
        <translation>牵头 %2 项，已完成 %1 项，滞后 %3 项，逾期 %4 项</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="120"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>DepartmentTableModel</name>
    <message>
        <location filename="../models/directory_models.py" line="31"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="32"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="33"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="34"/>
        <source>Supervised by</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="193"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="196"/>
        <source>Merged into %1</source>
        <translation>已并入 %1</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="197"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../ui/detail_panel.py" line="74"/>
        <source>Assignment</source>
        <translation>分工</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="75"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="76"/>
        <source>Supervise</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="77"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/detail_panel.py" line="146"/>
        <source>%n tasks selected</source>
        <translation>
            <numerusform>已选 %n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/detail_panel.py" line="150"/>
        <source>Applies to the %n selected task(s).</source>
        <translation>
            <numerusform>应用于所选的 %n 项任务。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/detail_panel.py" line="153"/>
        <source>Nothing selected: applies to all %n task(s) shown (%1).</source>
        <translation>
            <numerusform>未选择任务：应用于当前显示的全部 %n 项任务（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="156"/>
        <source>No task to assign.</source>
        <translation>没有可分配的任务。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/detail_panel.py" line="205"/>
        <source>Suggestions for %1 of these %n task(s) (Alt+S takes them all).</source>
        <translation>
            <numerusform>这 %n 项任务中有 %1 项有建议（Alt+S 全部采纳）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="210"/>
        <source>lead %1</source>
        <translation>牵头 %1</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="213"/>
        <source>with %1</source>
        <translation>配合 %1</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="215"/>
        <source>deadline %1</source>
        <translation>时限 %1</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="217"/>
        <source>leader %1</source>
        <translation>分管领导 %1</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="219"/>
        <source>named in the plan</source>
        <translation>来自计划原文</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="221"/>
        <source>like a task assigned before (%1% similar)</source>
        <translation>参照以往相似任务（相似度 %1%）</translation>
    </message>
    <message>
        <location filename="../ui/detail_panel.py" line="226"/>
        <source>Suggested: %1 — %2 (Alt+S)</source>
        <translation>建议：%1 —— %2（Alt+S）</translation>
    </message>
</context>
<context>
    <name>DirectoryActions</name>
    <message>
        <location filename="../directory_actions.py" line="73"/>
        <source>Add department</source>
        <translation>添加处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="74"/>
        <source>Name of the department:</source>
        <translation>处室名称：</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="85"/>
        <location filename="../directory_actions.py" line="102"/>
        <source>Paste departments</source>
        <translation>粘贴处室名单</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="87"/>
        <source>One department per line: name | short name | other names. The short name and the other names may be left out; separate other names with 、. Names already listed are skipped.</source>
        <translation>每行一个处室：名称 | 简称 | 别名。简称和别名可以不填；多个别名用“、”分隔。已在名录中的处室会跳过。</translation>
    </message>
    <message numerus="yes">
        <location filename="../directory_actions.py" line="101"/>
        <source>Add %n department(s)</source>
        <translation>
            <numerusform>添加 %n 个处室</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="102"/>
        <source>All these departments are already listed.</source>
        <translation>这些处室都已在名录中。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="114"/>
        <source>Rename department</source>
        <translation>重命名处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="119"/>
        <source>Change short name</source>
        <translation>修改简称</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="140"/>
        <source>Change aliases</source>
        <translation>修改别名</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="148"/>
        <source>Move department</source>
        <translation>调整处室顺序</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="154"/>
        <source>Retire department</source>
        <translation>停用处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="154"/>
        <source>Reactivate department</source>
        <translation>恢复启用处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="169"/>
        <source>Merge department</source>
        <translation>合并处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="170"/>
        <source>Merge “%1” into:</source>
        <translation>将“%1”并入：</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="178"/>
        <source>Merge “%1” into “%2”?

The tasks assigned to “%1” and its leader move to “%2”, and “%1” becomes another name (alias) of “%2”, so plans that still use it keep matching. Undo takes the merge back.</source>
        <translation>将“%1”并入“%2”？

分配给“%1”的任务及其分管领导将转到“%2”，“%1”成为“%2”的别名，仍使用旧名称的计划照样能匹配。可以撤销此次合并。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="185"/>
        <source>Merge departments</source>
        <translation>合并处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="188"/>
        <source>Merge %1 into %2</source>
        <translation>将 %1 并入 %2</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="198"/>
        <source>Add leader</source>
        <translation>添加分管领导</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="200"/>
        <source>Name of the leader:</source>
        <translation>分管领导姓名：</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="203"/>
        <source>Title, e.g. 副局长 (may be empty):</source>
        <translation>职务，如 副局长（可不填）：</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="216"/>
        <location filename="../directory_actions.py" line="233"/>
        <source>Paste leaders</source>
        <translation>粘贴分管领导名单</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="218"/>
        <source>One leader per line: the name and the title, separated by a space or a comma. To give the departments supervised too, separate with |: name | title | departments (separated by 、). Leaders already listed are skipped.</source>
        <translation>每行一位领导：姓名和职务，用空格或逗号隔开。如需同时填写分管处室，用“|”分隔：姓名 | 职务 | 分管处室（多个处室用“、”分隔）。已在名录中的领导会跳过。</translation>
    </message>
    <message numerus="yes">
        <location filename="../directory_actions.py" line="232"/>
        <source>Add %n leader(s)</source>
        <translation>
            <numerusform>添加 %n 位分管领导</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="233"/>
        <source>All these leaders are already listed.</source>
        <translation>这些分管领导都已在名录中。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="244"/>
        <source>Rename leader</source>
        <translation>重命名分管领导</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="255"/>
        <source>Change the title of %1</source>
        <translation>修改 %1 的职务</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="268"/>
        <source>%1 (retired)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="272"/>
        <source>Departments supervised</source>
        <translation>分管处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="273"/>
        <source>Departments %1 supervises:</source>
        <translation>%1 分管的处室：</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="283"/>
        <source>Change departments supervised by %1</source>
        <translation>修改 %1 的分管处室</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="290"/>
        <source>Move leader</source>
        <translation>调整分管领导顺序</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="294"/>
        <source>Retire leader</source>
        <translation>停用分管领导</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="294"/>
        <source>Reactivate leader</source>
        <translation>恢复启用分管领导</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="353"/>
        <source>Added: %1. Already listed, so left as they were: %2.</source>
        <translation>已添加：%1。以下已在名录中，保持不变：%2。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="368"/>
        <source>A line holds at most three parts separated by |.</source>
        <translation>每行最多三部分，用“|”分隔。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="369"/>
        <source>The line has no name before |.</source>
        <translation>“|”前面没有名称。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="371"/>
        <source>Write one department per line when a short name or other names follow it.</source>
        <translation>后面带简称或别名时，每行只能写一个处室。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="374"/>
        <source>A department has one short name; put the other names in the third part.</source>
        <translation>一个处室只有一个简称；其他名称请写在第三部分（别名）。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="377"/>
        <source>This does not look like a department name: it is too long or a sentence.</source>
        <translation>这不像处室名称：太长，或是一句话。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="380"/>
        <source>The name cannot be told from the title: separate them with a space, a comma or |, as in “李明 副局长”.</source>
        <translation>分不清姓名和职务：请用空格、逗号或“|”隔开，如“李明 副局长”。</translation>
    </message>
    <message>
        <location filename="../directory_actions.py" line="385"/>
        <source>Line %1 cannot be read: %2

“%3”

Nothing was added. Correct the line and try again.</source>
        <translation>第 %1 行无法识别：%2

“%3”

没有添加任何内容。请改正这一行后重试。</translation>
    </message>
</context>
<context>
    <name>DirectoryDialog</name>
    <message>
        <location filename="../ui/directory_dialog.py" line="74"/>
        <source>Departments and leaders</source>
        <translation>处室与分管领导</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="83"/>
        <source>Departments</source>
        <translation>处室</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="84"/>
        <source>Leaders</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="114"/>
        <source>Show retired</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="116"/>
        <source>Double-click a name, short name or aliases to change them; separate aliases with 、.</source>
        <translation>双击名称、简称或别名可修改；多个别名用“、”分隔。</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="126"/>
        <location filename="../ui/directory_dialog.py" line="152"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="127"/>
        <location filename="../ui/directory_dialog.py" line="153"/>
        <source>Paste a list…</source>
        <translation>粘贴名单…</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="128"/>
        <location filename="../ui/directory_dialog.py" line="155"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="129"/>
        <location filename="../ui/directory_dialog.py" line="156"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="130"/>
        <location filename="../ui/directory_dialog.py" line="157"/>
        <location filename="../ui/directory_dialog.py" line="243"/>
        <location filename="../ui/directory_dialog.py" line="254"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="131"/>
        <source>Merge into…</source>
        <translation>并入…</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="133"/>
        <source>Earlier in the official order (Ctrl+Up)</source>
        <translation>在排序中上移（Ctrl+↑）</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="135"/>
        <source>Later in the official order (Ctrl+Down)</source>
        <translation>在排序中下移（Ctrl+↓）</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="143"/>
        <source>Double-click a name or a title to change it.</source>
        <translation>双击姓名或职务可修改。</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="154"/>
        <source>Departments…</source>
        <translation>分管处室…</translation>
    </message>
    <message>
        <location filename="../ui/directory_dialog.py" line="243"/>
        <location filename="../ui/directory_dialog.py" line="254"/>
        <source>Reactivate</source>
        <translation>恢复启用</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../display.py" line="16"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../display.py" line="17"/>
        <source>On schedule</source>
        <translation>序时推进</translation>
    </message>
    <message>
        <location filename="../display.py" line="18"/>
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../display.py" line="19"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../display.py" line="20"/>
        <source>Postponed</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../display.py" line="23"/>
        <source>text</source>
        <translation>任务文本</translation>
    </message>
    <message>
        <location filename="../display.py" line="24"/>
        <source>lead department</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../display.py" line="25"/>
        <source>cooperating departments</source>
        <translation>配合处室</translation>
    </message>
    <message>
        <location filename="../display.py" line="26"/>
        <source>leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../display.py" line="27"/>
        <source>deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../display.py" line="28"/>
        <source>order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../display.py" line="29"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>DraftBar</name>
    <message>
        <location filename="../ui/draft_bar.py" line="20"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../ui/draft_bar.py" line="45"/>
        <source>✎ Draft kept from before</source>
        <translation>✎ 上次未保存的草稿</translation>
    </message>
    <message>
        <location filename="../ui/draft_bar.py" line="47"/>
        <source>✎ Not saved yet</source>
        <translation>✎ 尚未保存</translation>
    </message>
    <message>
        <location filename="../ui/draft_bar.py" line="50"/>
        <source>Kept as a draft until it is saved or discarded, also after a restart.</source>
        <translation>在保存或放弃之前一直保留为草稿，重新打开程序后也在。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../ui/export_dialog.py" line="44"/>
        <source>Task decomposition table (任务分解表)</source>
        <translation>任务分解表</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="45"/>
        <source>Progress report (进展情况通报)</source>
        <translation>进展情况通报</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="48"/>
        <source>Feedback forms, one per department (进展情况反馈表)</source>
        <translation>进展情况反馈表（每个处室一份）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="52"/>
        <source>Reminder notices, one per department (催办通知)</source>
        <translation>催办通知（每个处室一份）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="88"/>
        <source>Export a document</source>
        <translation>导出文档</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="110"/>
        <source>Word documents (.docx)</source>
        <translation>Word 文档（.docx）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="111"/>
        <source>Excel workbooks (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="112"/>
        <source>Add the 分管领导 column</source>
        <translation>增加“分管领导”列</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="114"/>
        <source>Print the resolved date under each deadline</source>
        <translation>在完成时限下注明具体日期</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="116"/>
        <source>Add the 责任人 column</source>
        <translation>增加“责任人”列</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="118"/>
        <source>Departments by their short names (基教处)</source>
        <translation>处室使用简称（如“基教处”）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="120"/>
        <source>Attach every task with its progress (附件)</source>
        <translation>附全部任务进展情况一览表（附件）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="122"/>
        <source>Add the department chart (附统计图)</source>
        <translation>附统计图（各牵头处室完成情况）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="125"/>
        <source>Each lead department&apos;s completed, overdue and postponed tasks as bars</source>
        <translation>以条形图列出各牵头处室已完成、逾期和延期的任务</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="133"/>
        <source>成文日期: the date of issue printed under the 署名 (not the date of the figures)</source>
        <translation>成文日期：署名下方的印发日期（不是数据截止日期）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="143"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="149"/>
        <source>Office template…</source>
        <translation>单位模板…</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="152"/>
        <source>Built-in look</source>
        <translation>内置格式</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="161"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="167"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="175"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="176"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="177"/>
        <source>Reporting period</source>
        <translation>报送周期</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="178"/>
        <source>Departments (none ticked: all)</source>
        <translation>处室（不勾选即全部）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="179"/>
        <source>Forms as</source>
        <translation>反馈表格式</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="187"/>
        <source>Date of issue (成文日期)</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="191"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="196"/>
        <source>Look</source>
        <translation>格式</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export_dialog.py" line="265"/>
        <source>%n task(s) have no lead department yet: their rows are printed blank. Assign them first, or export anyway.</source>
        <translation>
            <numerusform>有%n项任务尚未确定牵头处室，这些行将留空。请先分配，或仍然导出。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="274"/>
        <source>(none: as of today)</source>
        <translation>（不指定：截至今天）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="309"/>
        <source>Folder for the documents</source>
        <translation>文档保存的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="313"/>
        <source>Save the document</source>
        <translation>保存文档</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="313"/>
        <location filename="../ui/export_dialog.py" line="328"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="324"/>
        <source>Built-in look (GB/T 9704)</source>
        <translation>内置格式（GB/T 9704）</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="328"/>
        <source>Office template</source>
        <translation>单位模板</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="337"/>
        <source>Change the document template</source>
        <translation>更改文档模板</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="347"/>
        <source>Choose where to save.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="357"/>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export_dialog.py" line="375"/>
        <source>%n file(s) written:</source>
        <translation>
            <numerusform>已生成 %n 个文件：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="388"/>
        <source>The office name is not set, so the document is signed 办公室: set it in Office settings.</source>
        <translation>尚未设置办公室名称，文件落款为“办公室”：请在“办公室设置”中填写。</translation>
    </message>
    <message>
        <location filename="../ui/export_dialog.py" line="396"/>
        <source>Not exported: %1</source>
        <translation>未能导出：%1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../ui/filter_bar.py" line="42"/>
        <source>Find tasks: any words or a number such as 4-2</source>
        <translation>查找任务：输入任意文字，或序号如 4-2</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="48"/>
        <source>Unassigned only</source>
        <translation>只看未分配</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="52"/>
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="53"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="54"/>
        <source>Due within</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="59"/>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="63"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="64"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="69"/>
        <source>Any light</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="71"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="72"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="73"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="74"/>
        <source>Grey</source>
        <translation>灰</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="77"/>
        <source>Key supervision</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="79"/>
        <source>Postponed</source>
        <translation>已延期</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="83"/>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="94"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="139"/>
        <source>All departments</source>
        <translation>全部处室</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="140"/>
        <source>All leaders</source>
        <translation>全部领导</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="173"/>
        <source>Showing only these tasks; click to show all again</source>
        <translation>只显示这些任务；点击恢复显示全部</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="204"/>
        <source>In “%1”: %2</source>
        <translation>在“%1”中：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/filter_bar.py" line="206"/>
        <location filename="../ui/filter_bar.py" line="223"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/filter_bar.py" line="209"/>
        <source>In the whole plan: %n</source>
        <translation>
            <numerusform>在全部计划中查找：%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="213"/>
        <source>“%1”: %2 of %3 tasks</source>
        <translation>“%1”：%2 项（全计划共 %3 项）</translation>
    </message>
    <message>
        <location filename="../ui/filter_bar.py" line="220"/>
        <source>Found %1 of %2 tasks</source>
        <translation>找到 %1 项（共 %2 项）</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../models/history_model.py" line="21"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../models/history_model.py" line="22"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../models/history_model.py" line="23"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../ui/import_dialog.py" line="65"/>
        <location filename="../ui/import_dialog.py" line="185"/>
        <source>Import a work plan</source>
        <translation>导入工作要点</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="81"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="82"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="90"/>
        <source>Replace it (the database is backed up first)</source>
        <translation>替换原有计划（先备份数据库）</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="94"/>
        <source>Convert to Simplified characters (简体; the file&apos;s text is kept)</source>
        <translation>转换为简体字（保留文件原文）</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="98"/>
        <source>The plan is in Traditional characters; official documents use Simplified.</source>
        <translation>该工作要点为繁体字；公文应使用规范汉字（简体）。</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="109"/>
        <source>The year the plan&apos;s deadlines (“6月底前”) belong to</source>
        <translation>“6月底前”等完成时限所属的年份</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="115"/>
        <source>Add them to the directory when importing</source>
        <translation>导入时把它们加入名录</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="133"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="144"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="145"/>
        <source>Document number (发文编号):</source>
        <translation>发文编号：</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="146"/>
        <source>Issued by:</source>
        <translation>发文机关：</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="147"/>
        <source>Date of issue:</source>
        <translation>印发日期：</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="148"/>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="149"/>
        <source>Plan year:</source>
        <translation>计划年度：</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="151"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="187"/>
        <source>Work plans and task tables (*.txt *.docx *.pdf *.xlsx);;All files (*)</source>
        <translation>工作要点和任务分解表 (*.txt *.docx *.pdf *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="201"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="206"/>
        <source>Reading the plan…</source>
        <translation>正在读取计划…</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="276"/>
        <source>Departments not in the directory: %1</source>
        <translation>名录中没有的处室：%1</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="282"/>
        <source>Leaders not in the directory: %1</source>
        <translation>名录中没有的领导：%1</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="289"/>
        <source>(not stated)</source>
        <translation>（未注明）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_dialog.py" line="305"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="306"/>
        <source>Warnings:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="315"/>
        <source>%1, %2, %3, %4; %5; %6</source>
        <translation>%1，%2，%3，%4；%5；%6</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_dialog.py" line="316"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个部分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_dialog.py" line="317"/>
        <source>%n sub-section(s)</source>
        <translation>
            <numerusform>%n 个小节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_dialog.py" line="318"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_dialog.py" line="319"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_dialog.py" line="320"/>
        <source>%n task(s) name their units</source>
        <translation>
            <numerusform>%n 项任务注明了责任单位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/import_dialog.py" line="321"/>
        <source>%n name a deadline</source>
        <translation>
            <numerusform>%n 项注明了完成时限</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="332"/>
        <source>This file was already imported as plan %1 (“%2”).</source>
        <translation>该文件已作为计划 %1（“%2”）导入过。</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="343"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="415"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.py" line="417"/>
        <source>Importing the plan…</source>
        <translation>正在导入计划…</translation>
    </message>
</context>
<context>
    <name>InputErrors</name>
    <message>
        <location filename="../input_errors.py" line="21"/>
        <source>The file does not exist, or it is a folder. Choose the file again.</source>
        <translation>文件不存在，或者这是一个文件夹。请重新选择文件。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="24"/>
        <source>The file cannot be opened; check that it exists and is not in use.</source>
        <translation>文件无法打开，请确认文件存在且未被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="27"/>
        <source>The file cannot be read: it may be damaged or truncated. Save it again and retry.</source>
        <translation>文件无法读取，可能已损坏或不完整。请重新保存后再试。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="31"/>
        <source>The file is empty or holds no text. Choose the file that holds the plan.</source>
        <translation>文件是空的，或没有文字内容。请选择存放工作要点的文件。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="34"/>
        <source>Duban reads plans from .txt, .docx and .pdf files and task tables from .xlsx and .docx. Save the plan as .docx (Word or WPS) or .txt and import that.</source>
        <translation>督办可导入 .txt、.docx、.pdf 格式的工作要点，以及 .xlsx、.docx 格式的任务分解表。请将文件另存为 .docx（Word 或 WPS）或 .txt 后导入。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="39"/>
        <source>This is an old Word 97-2003 (.doc) or WPS file. Open it in Word or WPS, save it as .docx, and import that.</source>
        <translation>这是旧版 Word 97-2003（.doc）或 WPS 文件。请用 Word 或 WPS 打开，另存为 .docx 后再导入。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="44"/>
        <source>An old .doc/.xls file: open it in Word, WPS or Excel, save it as .docx or .xlsx and add it again.</source>
        <translation>这是旧版 .doc/.xls 文件：请用 Word、WPS 或 Excel 打开，另存为 .docx 或 .xlsx 后再添加。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="49"/>
        <source>This is not a Word .docx document (perhaps another kind of file renamed). Save it as .docx from Word or WPS and import again.</source>
        <translation>这不是 Word .docx 文档（可能是其他类型的文件改了扩展名）。请用 Word 或 WPS 另存为 .docx 后再导入。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="54"/>
        <source>This is not a text file. Choose the .txt or .docx file of the plan.</source>
        <translation>这不是文本文件。请选择工作要点的 .txt 或 .docx 文件。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="57"/>
        <source>The text mixes character encodings. Save the file as UTF-8 (Notepad: Save As → Encoding UTF-8) and import again.</source>
        <translation>文本中混用了多种字符编码。请另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8）后再导入。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="62"/>
        <source>The document is password-protected. Remove the password in Word or WPS, save, and import again.</source>
        <translation>文档设置了密码。请在 Word 或 WPS 中取消密码并保存后再导入。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="67"/>
        <source>The file is damaged or incomplete, for example a download that was cut off. Save or download it again.</source>
        <translation>文件已损坏或不完整（例如下载中断）。请重新保存或重新下载。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="72"/>
        <source>The file holds no Word document. Import the plan saved from Word or WPS.</source>
        <translation>文件中没有 Word 文档内容。请导入用 Word 或 WPS 保存的工作要点。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="75"/>
        <source>The file, or a part of it, is far larger than any plan or form; it is refused for safety. Check that this is the right file.</source>
        <translation>文件（或其中某一部分）远大于正常的工作要点或反馈表，为安全起见已拒绝读取。请确认文件是否选对。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="80"/>
        <source>The document&apos;s inner XML is damaged or unsafe (it declares entities, which Word never writes). Open it in Word or WPS, save it again, and retry.</source>
        <translation>文档内部的 XML 已损坏或不安全（声明了实体，Word 从不会这样写）。请用 Word 或 WPS 打开、重新保存后再试。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="85"/>
        <source>Not a Duban feedback form: it has no form id and no task keys (校验码). Only forms exported from Duban can be read back.</source>
        <translation>这不是督办导出的反馈表：没有表单编号，也没有校验码。只能读入从督办导出的反馈表。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="90"/>
        <source>No sections (一、二、…) or numbered items (1. 2. …) were found: this does not look like a work plan.</source>
        <translation>没有找到“一、二、……”的部分或“1. 2. ……”的条目，这看起来不是工作要点。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="95"/>
        <source>The file holds no rows to read.</source>
        <translation>文件中没有可读取的行。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="96"/>
        <source>The template cannot be used: choose a .docx document saved from Word or WPS.</source>
        <translation>该模板无法使用：请选择用 Word 或 WPS 保存的 .docx 文档。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="100"/>
        <source>This file was imported before.</source>
        <translation>该文件此前已导入。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="102"/>
        <source>The folder for the database cannot be created. Check that the drive or USB stick is connected and that you may write there, or choose another place.</source>
        <translation>无法创建存放数据库的文件夹。请检查磁盘或U盘是否已连接、是否有写入权限，或另选位置。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="107"/>
        <source>Duban cannot write in the database&apos;s folder, so the file cannot be opened for editing. Keep the database in a folder you may write to (for example Documents), or ask for write access to this one.</source>
        <translation>督办无法在数据库所在的文件夹中写入，因此不能打开该文件进行编辑。请把数据库放在可以写入的文件夹（例如“文档”），或请管理员开通此文件夹的写入权限。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="113"/>
        <source>The database file cannot be opened. Check that it exists, that the drive is connected and that no other program holds it.</source>
        <translation>无法打开数据库文件。请检查文件是否存在、磁盘是否已连接，以及是否被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="118"/>
        <source>The database file is damaged, so it was not opened (it is left as it is). Restore the newest good backup, or keep a copy of the file and ask for help.</source>
        <translation>数据库文件已损坏，因此没有打开（文件保持原样）。请从最近一份完好的备份恢复，或保留该文件的副本并寻求技术支持。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="123"/>
        <source>This file is not a Duban database. Choose a database made by Duban (.sqlite3), or make a new one.</source>
        <translation>这不是督办的数据库。请选择督办建立的数据库（.sqlite3），或新建一个数据库。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="128"/>
        <source>This database was saved by a newer version of Duban; it was not changed. Open it with that version, or install it on this PC.</source>
        <translation>此数据库由更新版本的督办保存，未做任何改动。请用该版本打开，或在本机安装该版本。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="133"/>
        <source>This database is open for editing in another Duban. Close it there first; reading still works meanwhile.</source>
        <translation>此数据库正在另一个督办程序中编辑。请先在那里关闭；在此期间仍可查看。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="138"/>
        <source>This database needs an upgrade, and it is open in another Duban. Close it there, then open it here.</source>
        <translation>此数据库需要升级，但正在另一个督办程序中打开。请先在那里关闭，再在这里打开。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="143"/>
        <source>The database you worked in last is not there: it may have been moved or renamed, or it is on a USB stick or network drive that is not connected.</source>
        <translation>找不到上次使用的数据库：它可能已被移动或改名，或者存放在未连接的U盘或网络盘上。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="148"/>
        <source>This is a scan without a text layer: convert it to text first.</source>
        <translation>扫描件没有文字层，请先转换为文字。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="151"/>
        <source>This is not an Excel .xlsx workbook (perhaps another kind of file renamed). Save it as .xlsx from Excel or WPS and import again.</source>
        <translation>这不是 Excel .xlsx 工作簿（可能是其他文件改了扩展名）。请用 Excel 或 WPS 另存为 .xlsx 后重新导入。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="156"/>
        <source>No task table was found: no header row with a task column (工作任务, 具体任务 …) beside 牵头单位, 配合单位 or 完成时限.</source>
        <translation>没有找到任务分解表：没有一行表头同时含有任务列（工作任务、具体任务……）和牵头单位、配合单位或完成时限。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="161"/>
        <source>The table names departments or leaders that are not in the directory. Tick “Add them to the directory” or add them first; nothing was imported.</source>
        <translation>表格中有名录里没有的处室或领导。请勾选“导入时把它们加入名录”，或先把它们加入名录；本次未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="166"/>
        <source>This is a progress feedback form exported by Duban, not a plan: read it back instead (Progress → Read back feedback forms).</source>
        <translation>这是督办导出的进展情况反馈表，不是工作要点：请改用“进展 → 导入反馈表”读回。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="172"/>
        <source>The database cannot be used as it is; nothing was changed.</source>
        <translation>这个数据库现在无法使用，没有做任何修改。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="175"/>
        <source>Another program kept the database busy, so nothing was saved. Wait a moment, then do it again.</source>
        <translation>另一个程序正在占用数据库，没有保存任何内容。请稍等片刻再试一次。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="180"/>
        <source>The database file or its folder is read-only, so nothing can be saved there. Copy the database to a folder you can write, such as Documents (File → Save a copy…), and open the copy.</source>
        <translation>数据库文件或其所在文件夹是只读的，不能在那里保存任何内容。请把数据库复制到可以写入的文件夹（例如“文档”）（文件 → 另存副本…），然后打开这份副本。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="186"/>
        <source>The disk is full, so nothing was saved. Free some space (empty the recycle bin, move old files to another disk), then do it again.</source>
        <translation>磁盘已满，没有保存任何内容。请腾出一些空间（清空回收站、把旧文件移到其他磁盘），然后再试一次。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="191"/>
        <source>The file cannot be opened: this user has no permission for it, or another program is using it. Ask whoever manages the computer or the share for access, or copy the database to a folder you can write.</source>
        <translation>无法打开这个文件：当前用户没有权限，或者另一个程序正在使用它。请向电脑或共享文件夹的管理员申请权限，或把数据库复制到可以写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="197"/>
        <source>The disk, USB stick or network share failed while the file was read or written; nothing more was saved. Check that it is still connected, then check the database; keep it on this computer&apos;s own disk if it happens again.</source>
        <translation>读写文件时磁盘、U盘或网络共享出错，没有再保存任何内容。请检查它是否仍然连接，然后检查数据库；如果再次发生，请把数据库放在本机磁盘上。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="203"/>
        <source>This database file has more than one name (hard links); working through two names would damage it, so it is not opened. Make a real copy, remove the other names, and use the copy.</source>
        <translation>这个数据库文件有不止一个名称（硬链接）；通过两个名称同时使用会损坏文件，所以不予打开。请另存一份真正的副本，删除其他名称，然后使用这份副本。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="209"/>
        <source>This backup belongs to another database; it was not restored and the database is as it was. To work in that data, open that database file itself.</source>
        <translation>这份备份属于另一个数据库，没有恢复，当前数据库保持原样。要使用那份数据，请直接打开那个数据库文件。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="215"/>
        <source>This database is on a network share: it is kept in the slower but safe rollback-journal mode, and only one computer should use it at a time.</source>
        <translation>这个数据库位于网络共享上：以较慢但安全的回滚日志方式保存，同一时间只应有一台电脑使用。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="220"/>
        <source>Today&apos;s backup could not be made (the disk may be nearly full). The database itself is unharmed and works as usual; free some disk space so that the next backup succeeds.</source>
        <translation>今天的备份没能完成（磁盘可能快满了）。数据库本身完好，照常使用；请清理一些磁盘空间，以便下次备份成功。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="225"/>
        <source>This computer&apos;s clock looks wrong: the database was already changed or backed up at a later time. Set the date and time; backups are kept in the order they were made.</source>
        <translation>这台电脑的时钟似乎不对：数据库的修改或备份时间比现在还晚。请校正日期和时间；备份按生成的先后顺序保存。</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="258"/>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="259"/>
        <source>(details: %1)</source>
        <translation>（详细信息：%1）</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="267"/>
        <source>another Duban</source>
        <translation>另一个督办程序</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="269"/>
        <source>the window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="271"/>
        <source>the command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../input_errors.py" line="274"/>
        <source>Duban (%1) on %2, user %3, process %4, since %5</source>
        <translation>电脑 %2 上的督办（%1，用户 %3，进程 %4，自 %5 起）</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="145"/>
        <source>Leader&apos;s instruction on task %1</source>
        <translation>任务 %1 的领导批示</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="155"/>
        <source>A leader of the directory, or any name as written</source>
        <translation>名录中的领导，也可按原文填写任何姓名</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="159"/>
        <source>Date</source>
        <translation>批示日期</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="160"/>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="161"/>
        <source>Instruction</source>
        <translation>批示内容</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="165"/>
        <source>Name the leader who gave the instruction.</source>
        <translation>请填写作出批示的领导。</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="167"/>
        <source>Write the instruction&apos;s text.</source>
        <translation>请填写批示内容。</translation>
    </message>
</context>
<context>
    <name>InstructionModel</name>
    <message>
        <location filename="../models/supervision_models.py" line="52"/>
        <source>Date</source>
        <translation>批示日期</translation>
    </message>
    <message>
        <location filename="../models/supervision_models.py" line="53"/>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../models/supervision_models.py" line="54"/>
        <source>Instruction</source>
        <translation>批示内容</translation>
    </message>
</context>
<context>
    <name>LeaderTableModel</name>
    <message>
        <location filename="../models/directory_models.py" line="41"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="42"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="43"/>
        <source>Departments supervised</source>
        <translation>分管处室</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="44"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="247"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../models/directory_models.py" line="247"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="187"/>
        <source>New supervision ledger</source>
        <translation>新建督办事项台账</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="196"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="197"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="200"/>
        <source>Give the ledger a title.</source>
        <translation>请填写台账标题。</translation>
    </message>
</context>
<context>
    <name>LedgerItemDialog</name>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="208"/>
        <source>Add a supervision item to “%1”</source>
        <translation>向“%1”添加督办事项</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="219"/>
        <source>Key supervision (重点督办)</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="223"/>
        <source>(later)</source>
        <translation>（以后再定）</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="227"/>
        <source>Optional: 9月底前, 四季度 …</source>
        <translation>可选：9月底前、四季度……</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="228"/>
        <source>Item</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="229"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="231"/>
        <source>Lead department</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="232"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="235"/>
        <source>Write what is to be done.</source>
        <translation>请填写督办事项内容。</translation>
    </message>
</context>
<context>
    <name>Lights</name>
    <message>
        <location filename="../lights.py" line="14"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../lights.py" line="15"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../lights.py" line="16"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../lights.py" line="17"/>
        <source>Grey</source>
        <translation>灰</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="62"/>
        <source>Tasks</source>
        <translation>任务列表</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="65"/>
        <location filename="../ui/main_window.py" line="149"/>
        <source>Dashboard</source>
        <translation>督办看板</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.py" line="121"/>
        <source>%n unsaved draft(s) kept from before: select the task (marked ✎) or the part of the plan again to save or discard it.</source>
        <translation>
            <numerusform>有 %n 项上次没有保存的草稿：再次选中相应的任务（标有 ✎）或计划的相应部分，即可保存或放弃。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="179"/>
        <source>Lights as of %1</source>
        <translation>预警按 %1 判断</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="182"/>
        <source>Warning lights everywhere are judged by this date. Click to change it.</source>
        <translation>各处的预警都按这一日期判断。点击可更改。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="191"/>
        <source>Judge lights as of</source>
        <translation>预警判断日期</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="193"/>
        <source>Warning lights in the table, the detail panel, the dashboard and the documents are judged by this date.</source>
        <translation>任务列表、详情、督办看板和导出文件中的预警都按这一日期判断。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="204"/>
        <source>Select one task first.</source>
        <translation>请先选择一项任务。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="247"/>
        <source>Select one task, or two that follow each other in an item.</source>
        <translation>请选择一项任务，或同一条目中前后相邻的两项任务。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="257"/>
        <source>Add a task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="257"/>
        <source>Text of the new task:</source>
        <translation>新任务的内容：</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="311"/>
        <source>Duban</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="309"/>
        <source>[read-only]</source>
        <translation>［只读］</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../models/outline_model.py" line="140"/>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../models/outline_model.py" line="140"/>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
</context>
<context>
    <name>ParsedOutlineModel</name>
    <message>
        <location filename="../models/parsed_outline_model.py" line="125"/>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../models/parsed_outline_model.py" line="127"/>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
</context>
<context>
    <name>PeriodsDialog</name>
    <message>
        <location filename="../ui/periods_dialog.py" line="46"/>
        <source>Reporting periods — %1</source>
        <translation>报送期次 —— %1</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="57"/>
        <source>report by day </source>
        <translation>次月报送日：</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="58"/>
        <source>Add 12 months</source>
        <translation>添加 12 个月</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="61"/>
        <source>Add 4 quarters</source>
        <translation>添加 4 个季度</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="66"/>
        <source>e.g. 2020年上半年</source>
        <translation>如：2020年上半年</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="73"/>
        <source>Add this period</source>
        <translation>添加此期次</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="76"/>
        <source>Remove the selected period</source>
        <translation>删除所选期次</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="80"/>
        <source>A whole year</source>
        <translation>整年</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="84"/>
        <source>One period</source>
        <translation>单个期次</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="86"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="87"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="88"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="89"/>
        <source>Feedback due</source>
        <translation>报送截止</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="108"/>
        <source>feedback by %1</source>
        <translation>报送截止 %1</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="116"/>
        <source>Add the months of %1</source>
        <translation>添加 %1 年各月</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="118"/>
        <source>Add the quarters of %1</source>
        <translation>添加 %1 年各季度</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="131"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="131"/>
        <source>Give the period a name.</source>
        <translation>请填写期次名称。</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="138"/>
        <source>Add period %1</source>
        <translation>添加期次 %1</translation>
    </message>
    <message>
        <location filename="../ui/periods_dialog.py" line="150"/>
        <source>Remove period %1</source>
        <translation>删除期次 %1</translation>
    </message>
</context>
<context>
    <name>PostponeDialog</name>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="108"/>
        <source>Postpone task %1</source>
        <translation>任务 %1 延期</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="116"/>
        <source>Deadline now</source>
        <translation>现完成时限</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="117"/>
        <source>New deadline</source>
        <translation>新完成时限</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="118"/>
        <source>Reason</source>
        <translation>延期原因</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="119"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="123"/>
        <source>Write the new deadline.</source>
        <translation>请填写新的完成时限。</translation>
    </message>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="125"/>
        <source>A postponement needs its reason.</source>
        <translation>延期必须写明原因。</translation>
    </message>
</context>
<context>
    <name>PostponementModel</name>
    <message>
        <location filename="../models/supervision_models.py" line="21"/>
        <source>Deadline</source>
        <translation>完成时限（原→新）</translation>
    </message>
    <message>
        <location filename="../models/supervision_models.py" line="22"/>
        <source>Reason and approval</source>
        <translation>原因及批准</translation>
    </message>
    <message>
        <location filename="../models/supervision_models.py" line="34"/>
        <source> (approved by %1)</source>
        <translation>（%1批准）</translation>
    </message>
    <message>
        <location filename="../models/supervision_models.py" line="42"/>
        <source>Recorded %1</source>
        <translation>登记于%1</translation>
    </message>
</context>
<context>
    <name>ProgressEditor</name>
    <message>
        <location filename="../ui/progress_editor.py" line="81"/>
        <location filename="../ui/progress_editor.py" line="231"/>
        <source>Save progress</source>
        <translation>保存进展</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="100"/>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="102"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="103"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="104"/>
        <source>Next steps</source>
        <translation>下步打算</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="105"/>
        <source>Reported by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="183"/>
        <source>Add reporting periods first (Progress menu).</source>
        <translation>请先添加报送期次（“进展”菜单）。</translation>
    </message>
    <message>
        <location filename="../ui/progress_editor.py" line="231"/>
        <source>Update this report</source>
        <translation>更新本期填报</translation>
    </message>
</context>
<context>
    <name>ProgressHistoryModel</name>
    <message>
        <location filename="../models/progress_model.py" line="21"/>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../models/progress_model.py" line="22"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/progress_model.py" line="23"/>
        <source>Done</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <location filename="../models/progress_model.py" line="24"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../models/progress_model.py" line="25"/>
        <source>Reported by</source>
        <translation>填报人</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../prompts.py" line="105"/>
        <source>Duban</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="107"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="111"/>
        <source>Newest good backup: %1</source>
        <translation>最近一份完好的备份：%1</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="119"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="121"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="123"/>
        <source>&amp;Restore from backup</source>
        <translation>从备份恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="130"/>
        <source>No backup of this file was found.</source>
        <translation>没有找到此文件的备份。</translation>
    </message>
    <message>
        <location filename="../prompts.py" line="133"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ProposalReviewModel</name>
    <message>
        <location filename="../models/proposal_model.py" line="25"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="26"/>
        <source>Field</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="27"/>
        <source>Now</source>
        <translation>现为</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="28"/>
        <source>Proposed</source>
        <translation>建议改为</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="29"/>
        <source>Department</source>
        <translation>处室</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="30"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="31"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="101"/>
        <source>Departments disagree: accept one, the others are rejected</source>
        <translation>各处室意见不一：采纳其中一条，其余不予采纳</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="112"/>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="114"/>
        <source>Reject</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="116"/>
        <source>Undecided</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../models/proposal_model.py" line="118"/>
        <source> (decided before)</source>
        <translation>（此前已决定）</translation>
    </message>
</context>
<context>
    <name>ReadbackDialog</name>
    <message>
        <location filename="../ui/readback_dialog.py" line="73"/>
        <source>Read back feedback forms — %1</source>
        <translation>读入反馈表 — %1</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="85"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="86"/>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="87"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="89"/>
        <source>Period:</source>
        <translation>报送期次：</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="112"/>
        <source>Only rows that change something</source>
        <translation>只看有变化的行</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="125"/>
        <source>Also overwrite entries recorded after the form was saved</source>
        <translation>表格保存后又录入的进展，也用表中内容覆盖</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="134"/>
        <source>Record progress</source>
        <translation>录入进展</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="164"/>
        <source>Filled feedback forms</source>
        <translation>已填写的反馈表</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="166"/>
        <source>Feedback forms (*.docx *.xlsx);;All files (*)</source>
        <translation>反馈表 (*.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="172"/>
        <source>A folder of filled feedback forms</source>
        <translation>存放已填反馈表的文件夹</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="221"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="234"/>
        <source>Reading the forms…</source>
        <translation>正在读取反馈表…</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="255"/>
        <source>Forms not read</source>
        <translation>反馈表未读入</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="256"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="263"/>
        <source>This plan has no reporting periods yet: add them first (Progress menu).</source>
        <translation>该计划还没有报送期次，请先添加（“进展”菜单）。</translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="268"/>
        <source>Add the forms the departments sent back — files, or a whole folder — or drop them here. Nothing is recorded until you press “Record progress”.</source>
        <translation>添加各处室报回的反馈表——可选文件，也可选整个文件夹，或直接拖到这里。按“录入进展”之前不会写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="274"/>
        <source>%n file(s) for %1.</source>
        <translation>
            <numerusform>%n 个文件，期次：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="291"/>
        <source>%n new</source>
        <translation>
            <numerusform>新增 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="292"/>
        <source>%n changed</source>
        <translation>
            <numerusform>更新 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="293"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>无变化 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="294"/>
        <source>%n newer entry(ies) kept</source>
        <translation>
            <numerusform>保留较新的录入 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="295"/>
        <source>%n not filled in</source>
        <translation>
            <numerusform>未填写 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="296"/>
        <source>%n from cooperating departments (noted)</source>
        <translation>
            <numerusform>配合处室填报 %n 条（仅供参考）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="297"/>
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>重复 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="298"/>
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>拒收 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="301"/>
        <source>%n form(s) rejected</source>
        <translation>
            <numerusform>拒收 %n 份表</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/readback_dialog.py" line="323"/>
        <source>Read back %n form(s)</source>
        <translation>
            <numerusform>读入 %n 份反馈表</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/readback_dialog.py" line="332"/>
        <source>Recorded: %1 new, %2 changed; %3 newer entries kept. Edit → Undo takes it back.</source>
        <translation>已录入：新增 %1 条，更新 %2 条；保留较新的录入 %3 条。可用“编辑 → 撤销”撤回。</translation>
    </message>
</context>
<context>
    <name>ReadbackModel</name>
    <message>
        <location filename="../models/readback_model.py" line="43"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="44"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="45"/>
        <source>Department</source>
        <translation>处室</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="46"/>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="47"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="48"/>
        <source>Recorded now</source>
        <translation>现有记录</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="49"/>
        <source>In the form</source>
        <translation>表中填报</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="50"/>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="54"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="55"/>
        <source>Changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="56"/>
        <source>Newer entry kept</source>
        <translation>保留较新录入</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="57"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="58"/>
        <source>Not filled in</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="59"/>
        <source>Cooperating (noted)</source>
        <translation>配合处室（仅供参考）</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="60"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="61"/>
        <source>Row rejected</source>
        <translation>该行拒收</translation>
    </message>
    <message>
        <location filename="../models/readback_model.py" line="62"/>
        <source>Form rejected</source>
        <translation>整表拒收</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../ui/restore_dialog.py" line="38"/>
        <location filename="../ui/restore_dialog.py" line="106"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="42"/>
        <source>Backups of %1, newest first. Restoring puts the chosen backup in place of the file; the file as it is now is kept as a backup first, so a restore can itself be taken back.</source>
        <translation>%1 的备份，最新的在前。恢复会用所选备份替换当前文件；当前文件会先另存为一份备份，因此恢复本身也可以撤回。</translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="62"/>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="74"/>
        <source>Checking the backups…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/restore_dialog.py" line="85"/>
        <source>%n backup(s).</source>
        <translation>
            <numerusform>共 %n 份备份。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="85"/>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="102"/>
        <source>This backup is damaged; choose another.</source>
        <translation>该备份已损坏，请选择其他备份。</translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="108"/>
        <source>Replace the database with the backup of %1?

The file as it is now is kept as a backup first. Edits made since %1 are not in the backup.</source>
        <translation>用 %1 的备份替换数据库？

当前文件会先另存为一份备份。%1 之后所做的修改不在该备份中。</translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="117"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../ui/restore_dialog.py" line="122"/>
        <source>Restored the backup of %1. The file as it was is kept as %2.</source>
        <translation>已恢复 %1 的备份。原文件另存为 %2。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.py" line="33"/>
        <source>Office settings</source>
        <translation>单位设置</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="36"/>
        <source>e.g. 青岛市教育局办公室</source>
        <translation>如：青岛市教育局办公室</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="41"/>
        <source>e.g. 青教办〔2020〕12号</source>
        <translation>例如：青教办〔2020〕12号</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="44"/>
        <source>e.g. 第3期</source>
        <translation>例如：第3期</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="52"/>
        <source>Empty: the office</source>
        <translation>留空：使用办公室名称</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="53"/>
        <source>Print the 版记 (抄送, 印发机关, 印发日期)</source>
        <translation>印制版记（抄送、印发机关、印发日期）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="58"/>
        <source>Built-in look (GB/T 9704)</source>
        <translation>内置格式（GB/T 9704）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="59"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="64"/>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="74"/>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="82"/>
        <source>Office (signs the documents)</source>
        <translation>署名单位</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="83"/>
        <source>Signature line (署名; empty: the office)</source>
        <translation>署名（不填则用单位名称）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="84"/>
        <source>Document number (发文字号)</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="85"/>
        <source>Issue of the report (期号)</source>
        <translation>通报期号</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="86"/>
        <source>Next steps of the report (下步工作要求)</source>
        <translation>通报的下步工作要求</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="87"/>
        <source>Copies to (抄送)</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="88"/>
        <source>Printed by (印发机关)</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="93"/>
        <source>Document template</source>
        <translation>文档模板</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="94"/>
        <source>Yellow light: deadline within</source>
        <translation>黄灯：距完成时限不足</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="95"/>
        <source>… or less of the time left than</source>
        <translation>……或剩余时间少于</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="97"/>
        <source>Behind: below time-proportional progress by more than</source>
        <translation>滞后：低于序时进度超过</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="99"/>
        <source>Backups to keep</source>
        <translation>保留备份份数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="129"/>
        <source>Change office settings</source>
        <translation>修改单位设置</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="136"/>
        <source>Office template</source>
        <translation>单位模板</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="136"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../startup.py" line="61"/>
        <source>Last used: %1</source>
        <translation>上次使用：%1</translation>
    </message>
    <message>
        <location filename="../startup.py" line="75"/>
        <source>The database cannot be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../startup.py" line="118"/>
        <source>Duban database (*.sqlite3 *.db);;All files (*)</source>
        <translation>督办数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../startup.py" line="123"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../startup.py" line="131"/>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
</context>
<context>
    <name>SupervisionEditor</name>
    <message>
        <location filename="../ui/supervision_editor.py" line="70"/>
        <source>(several sources)</source>
        <translation>（多种来源）</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="71"/>
        <source>Key supervision (重点督办)</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="73"/>
        <source>Mark or unmark the selected tasks (Ctrl+B)</source>
        <translation>将所选任务列为或取消重点督办（Ctrl+B）</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="75"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="78"/>
        <location filename="../ui/supervision_editor.py" line="236"/>
        <source>Stage target</source>
        <translation>阶段目标</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="81"/>
        <source>What is to be reached by the period&apos;s end</source>
        <translation>本期末应达到的目标</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="92"/>
        <source>Apply target</source>
        <translation>应用目标</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="94"/>
        <source>Apply (Enter)</source>
        <translation>应用（回车）</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="106"/>
        <source>Postponements</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="112"/>
        <source>Postpone…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="121"/>
        <source>Leaders&apos; instructions</source>
        <translation>领导批示</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="124"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="126"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="191"/>
        <source>Select tasks to mark their source or key supervision.</source>
        <translation>选择任务后可设定其来源和重点督办。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/supervision_editor.py" line="195"/>
        <source>Source and key supervision apply to the %n selected task(s).</source>
        <translation>
            <numerusform>来源和重点督办将应用于所选的 %n 项任务。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="199"/>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="234"/>
        <source>Stage target · %1</source>
        <translation>阶段目标 · %1</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="241"/>
        <source>Add reporting periods first (Progress menu).</source>
        <translation>请先添加报送期次（“进展”菜单）。</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="243"/>
        <source>Choose a reporting period (Progress tab or dashboard).</source>
        <translation>请选择报送期次（“进展”页或督办看板）。</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="246"/>
        <source>No target for this period yet.</source>
        <translation>本期尚未设定阶段目标。</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="248"/>
        <source>Target %1.</source>
        <translation>目标%1。</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="272"/>
        <source>No deadline yet: a postponement moves a deadline.</source>
        <translation>尚未设定完成时限：延期只能调整已有的完成时限。</translation>
    </message>
    <message>
        <location filename="../ui/supervision_editor.py" line="275"/>
        <source>Deadline %1, never postponed.</source>
        <translation>完成时限%1，未延期。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/supervision_editor.py" line="279"/>
        <source>Originally %1; postponed %n time(s), now %2.</source>
        <translation>
            <numerusform>原定%1；已延期 %n 次，现为%2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <location filename="../models/dashboard_models.py" line="125"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="126"/>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="127"/>
        <source>Lead department</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="128"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../models/dashboard_models.py" line="129"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../ui/task_panel.py" line="159"/>
        <source>Tasks not loaded</source>
        <translation>任务未能载入</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../models/task_table_model.py" line="42"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="43"/>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="44"/>
        <source>Lead department</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="45"/>
        <source>Cooperating</source>
        <translation>配合处室</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="46"/>
        <source>Leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="47"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="49"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="212"/>
        <source>Unsaved draft</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="233"/>
        <source>Key supervision</source>
        <translation>重点督办</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/task_table_model.py" line="250"/>
        <source>Originally %1; postponed %n time(s):</source>
        <translation>
            <numerusform>原定%1；已延期 %n 次：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/task_table_model.py" line="258"/>
        <source> (approved by %1)</source>
        <translation>（%1批准）</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/task_table_model.py" line="275"/>
        <source>%1 (postponed %n×)</source>
        <translation>
            <numerusform>%1（延期%n次）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTextEditor</name>
    <message>
        <location filename="../ui/task_text_editor.py" line="31"/>
        <source>Task</source>
        <translation>工作任务</translation>
    </message>
    <message>
        <location filename="../ui/task_text_editor.py" line="48"/>
        <source>Save text</source>
        <translation>保存文本</translation>
    </message>
    <message>
        <location filename="../ui/task_text_editor.py" line="50"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../ui/task_text_editor.py" line="52"/>
        <source>Split at cursor</source>
        <translation>在光标处拆分</translation>
    </message>
    <message>
        <location filename="../ui/task_text_editor.py" line="54"/>
        <source>Merge with next</source>
        <translation>与下一项合并</translation>
    </message>
    <message>
        <location filename="../ui/task_text_editor.py" line="94"/>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <location filename="../ui/task_text_editor.py" line="133"/>
        <source>✎ Draft kept from before</source>
        <translation>✎ 上次未保存的草稿</translation>
    </message>
    <message>
        <location filename="../ui/task_text_editor.py" line="135"/>
        <source>✎ Not saved</source>
        <translation>✎ 尚未保存</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../ui/welcome.py" line="19"/>
        <source>No work plan in this database yet</source>
        <translation>这个数据库里还没有工作计划</translation>
    </message>
    <message>
        <location filename="../ui/welcome.py" line="27"/>
        <source>Import the year&apos;s work plan (工作要点) as Word (.docx), text (.txt) or PDF: Duban splits it into sections, items and tasks, ready to assign.</source>
        <translation>导入本年度的工作要点（Word、文本或 PDF 文件）：督办会把它分成部分、条目和任务，然后即可分工。</translation>
    </message>
    <message>
        <location filename="../ui/welcome.py" line="52"/>
        <source>Import a work plan…  (Ctrl+I)</source>
        <translation>导入工作要点…（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../ui/welcome.py" line="54"/>
        <source>Open another database…  (Ctrl+O)</source>
        <translation>打开其他数据库…（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../ui/welcome.py" line="56"/>
        <source>Try the sample plan first</source>
        <translation>先用示例计划试一试</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <location filename="../ui/window_files.py" line="49"/>
        <source>Import a work plan</source>
        <translation>导入工作要点</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="51"/>
        <source>Work plans and task tables (*.txt *.docx *.pdf *.xlsx);;All files (*)</source>
        <translation>工作要点和任务分解表 (*.txt *.docx *.pdf *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="65"/>
        <source>Remove plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="67"/>
        <source>Remove “%1” with all its tasks, assignments and progress?

The database is backed up first; the plan can be brought back from that backup.</source>
        <translation>删除“%1”及其全部任务、分工和进展？

删除前会先备份数据库，可从备份中恢复该计划。</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="79"/>
        <source>Plan removed. Backup: %1</source>
        <translation>计划已删除。备份：%1</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="90"/>
        <source>The plan is already in Simplified characters.</source>
        <translation>该工作要点已是简体字。</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="92"/>
        <source>Convert to Simplified characters</source>
        <translation>转换为简体字</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="98"/>
        <source>Converted to Simplified characters; the original text is kept (%1 texts).</source>
        <translation>已转换为简体字；原文已保留（%1处）。</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="112"/>
        <location filename="../ui/window_files.py" line="137"/>
        <source>Not carried over</source>
        <translation>未结转</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="114"/>
        <source>The plan has no year, so next year&apos;s plan is unknown. Use the command line with --to.</source>
        <translation>该计划没有年度，无法确定下一年度计划。请使用命令行 --to 指定。</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="122"/>
        <source>a new plan “%1年结转任务”</source>
        <translation>新计划“%1年结转任务”</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="125"/>
        <source>Carry over unfinished tasks</source>
        <translation>结转未完成任务</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="127"/>
        <source>Copy the tasks of “%1” that are not completed, with their departments, leader and deadline, into %2?

The database is backed up first.</source>
        <translation>将“%1”中未完成的任务连同牵头、配合处室、分管领导和完成时限复制到%2？

操作前会先备份数据库。</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="142"/>
        <source>%1 task(s) carried over; %2 were carried before.</source>
        <translation>已结转 %1 项任务；另有 %2 项此前已结转。</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="203"/>
        <source>copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="207"/>
        <source>Save a copy of the database</source>
        <translation>另存数据库副本</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="216"/>
        <source>A copy of the database was saved: %1</source>
        <translation>数据库副本已保存：%1</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="223"/>
        <source>No copy was saved</source>
        <translation>没有保存副本</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="231"/>
        <source>Saving a copy…</source>
        <translation>正在保存副本…</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="237"/>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="244"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="259"/>
        <source>Duban database (*.sqlite3 *.db);;All files (*)</source>
        <translation>督办数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="265"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="275"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="284"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="284"/>
        <source>The new language is used from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="289"/>
        <source>About Duban</source>
        <translation>关于督办</translation>
    </message>
    <message>
        <location filename="../ui/window_files.py" line="291"/>
        <source>Duban 督办 — from the annual work plan to assigned tasks, progress and reports.
Version: %2
Database: %1</source>
        <translation>督办 —— 从年度工作要点到任务分工、进展督办和情况通报。
版本：%2
数据库：%1</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../ui/window_menus.py" line="51"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="54"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="61"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="66"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="71"/>
        <source>Open for &amp;editing</source>
        <translation>以编辑方式打开(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="78"/>
        <source>Restore from &amp;backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="84"/>
        <source>Save a &amp;copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="86"/>
        <source>&amp;Import a plan…</source>
        <translation>导入工作要点(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="89"/>
        <source>Convert plan to &amp;Simplified characters</source>
        <translation>将工作要点转换为简体字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="95"/>
        <source>&amp;Remove this plan…</source>
        <translation>删除此计划(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="98"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="100"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="101"/>
        <location filename="../ui/window_menus.py" line="308"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="104"/>
        <location filename="../ui/window_menus.py" line="309"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="110"/>
        <source>&amp;Edit task text</source>
        <translation>编辑任务文本(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="112"/>
        <source>&amp;Split task at cursor</source>
        <translation>在光标处拆分任务(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="114"/>
        <source>&amp;Merge with next task</source>
        <translation>与下一项任务合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="117"/>
        <source>&amp;Add a task after this one…</source>
        <translation>在此后添加任务(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="124"/>
        <source>&amp;Delete tasks</source>
        <translation>删除任务(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="130"/>
        <source>Move task &amp;up</source>
        <translation>任务上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="134"/>
        <source>Move task do&amp;wn</source>
        <translation>任务下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="142"/>
        <source>&amp;Find tasks</source>
        <translation>查找任务(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="148"/>
        <source>&amp;Assign</source>
        <translation>分工(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="149"/>
        <source>&amp;Assign…</source>
        <translation>分配(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="152"/>
        <source>&amp;Take suggestions</source>
        <translation>采纳建议(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="159"/>
        <source>Accept &amp;all suggestions in this item or section</source>
        <translation>采纳本条目或本部分的全部建议(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="167"/>
        <source>&amp;Departments and leaders…</source>
        <translation>处室与分管领导(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="173"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="178"/>
        <source>Task &amp;decomposition table…</source>
        <translation>任务分解表(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="182"/>
        <source>&amp;Progress report…</source>
        <translation>进展情况通报(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="183"/>
        <source>&amp;Feedback forms…</source>
        <translation>进展情况反馈表(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="184"/>
        <source>&amp;Reminder notices…</source>
        <translation>催办通知(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="189"/>
        <source>Office &amp;settings…</source>
        <translation>单位设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="192"/>
        <source>&amp;Supervise</source>
        <translation>督办(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="194"/>
        <source>&amp;Progress</source>
        <translation>进展(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="196"/>
        <source>Reporting &amp;periods…</source>
        <translation>报送期次(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="200"/>
        <source>&amp;Read back feedback forms…</source>
        <translation>导入反馈表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="205"/>
        <source>&amp;Dashboard</source>
        <translation>督办看板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="206"/>
        <source>&amp;Tasks</source>
        <translation>任务列表(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="210"/>
        <source>&amp;Carry over unfinished tasks…</source>
        <translation>结转未完成任务(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="216"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="218"/>
        <source>Show &amp;whole task texts</source>
        <translation>显示全文(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="221"/>
        <source>Show every task&apos;s whole text over several lines</source>
        <translation>把每项任务的全文分行显示</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="224"/>
        <source>&amp;Toolbar</source>
        <translation>工具栏(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="229"/>
        <source>Judge lights &amp;as of…</source>
        <translation>预警判断日期(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="231"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="234"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="245"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="246"/>
        <source>&amp;About Duban</source>
        <translation>关于督办(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="253"/>
        <source>&amp;New supervision ledger…</source>
        <translation>新建督办事项台账(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="256"/>
        <source>&amp;Add a supervision item…</source>
        <translation>添加督办事项(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="261"/>
        <source>Mark for &amp;key supervision</source>
        <translation>重点督办(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="262"/>
        <source>Mark the selected tasks for key supervision, or unmark them</source>
        <translation>将所选任务列为重点督办，或取消</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="263"/>
        <source>&amp;Postpone…</source>
        <translation>延期(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="265"/>
        <source>Add leader&apos;s &amp;instruction…</source>
        <translation>添加领导批示(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="270"/>
        <source>&amp;Export confirmation forms…</source>
        <translation>导出分工确认表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="274"/>
        <source>Read &amp;back confirmation forms…</source>
        <translation>读回分工确认表(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="278"/>
        <source>Read back a &amp;folder of confirmation forms…</source>
        <translation>读回整个文件夹的分工确认表(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="282"/>
        <source>&amp;Review the departments&apos; confirmations…</source>
        <translation>审核分工确认意见(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="289"/>
        <source>Main actions</source>
        <translation>常用操作</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="296"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="301"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="302"/>
        <source>Assign</source>
        <translation>分工</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="305"/>
        <source>Read back</source>
        <translation>读取反馈</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="306"/>
        <source>Dashboard</source>
        <translation>督办看板</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="311"/>
        <source>Whole texts</source>
        <translation>显示全文</translation>
    </message>
</context>
<context>
    <name>WindowSupervision</name>
    <message>
        <location filename="../ui/window_supervision.py" line="71"/>
        <source>Select one task first.</source>
        <translation>请先选择一项任务。</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="86"/>
        <source>Select the tasks to mark first.</source>
        <translation>请先选择要标记的任务。</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="108"/>
        <source>Cannot postpone</source>
        <translation>不能延期</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="110"/>
        <source>Task %1 has no deadline yet, so there is nothing to postpone. Give it a deadline in the Assignment tab first.</source>
        <translation>任务 %1 尚未设定完成时限，无从延期。请先在“分工”页为其设定完成时限。</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="192"/>
        <source>Add a supervision item</source>
        <translation>添加督办事项</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="194"/>
        <source>Items are added to a supervision ledger: choose one in the tree, or make one with Supervise → New supervision ledger…</source>
        <translation>督办事项添加到督办事项台账中：请在左侧目录中选择一个台账，或通过“督办 → 新建督办事项台账…”新建。</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="234"/>
        <location filename="../ui/window_supervision.py" line="251"/>
        <location filename="../ui/window_supervision.py" line="268"/>
        <source>Choose a plan first.</source>
        <translation>请先选择一个计划。</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="273"/>
        <source>Read back confirmation forms</source>
        <translation>读回分工确认表</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="279"/>
        <source>Confirmation forms (*.docx *.xlsx);;All files (*)</source>
        <translation>分工确认表 (*.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/window_supervision.py" line="314"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../workflow_names.py" line="8"/>
        <source>Annual work plan</source>
        <translation>年度工作要点</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="9"/>
        <source>Meeting decision</source>
        <translation>会议议定</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="10"/>
        <source>Leader&apos;s instruction</source>
        <translation>领导批示</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="11"/>
        <source>Higher-level inspection</source>
        <translation>上级督查</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="12"/>
        <source>Deputies&apos; suggestion / CPPCC proposal</source>
        <translation>人大建议/政协提案</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="13"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="16"/>
        <source>Not returned</source>
        <translation>未返回</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="17"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="18"/>
        <source>Objections</source>
        <translation>有异议</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="19"/>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="22"/>
        <source>Lead department</source>
        <translation>牵头处室</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="23"/>
        <source>Cooperating</source>
        <translation>配合处室</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="24"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="25"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="26"/>
        <source>Stage target</source>
        <translation>阶段目标</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="29"/>
        <source>entered here</source>
        <translation>本处录入</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="30"/>
        <source>from the plan</source>
        <translation>来自计划</translation>
    </message>
    <message>
        <location filename="../workflow_names.py" line="31"/>
        <source>from a department&apos;s confirmation</source>
        <translation>来自处室的分工确认</translation>
    </message>
</context>
<context>
    <name>_DeadlineField</name>
    <message>
        <location filename="../ui/supervision_dialogs.py" line="94"/>
        <source>As written: 9月底前, 四季度, 年底前 …</source>
        <translation>按原文填写：9月底前、四季度、年底前……</translation>
    </message>
</context>
</TS>
