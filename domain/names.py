"""Comparing unit names as clerks write them.

"基础教育处", "基礎教育處" and " 基础教育处 " name the same department; a plan in
Traditional characters must still find the department list typed in Simplified.
``name_key`` gives the form used for comparison only — names are always stored and
shown as written.
"""

from __future__ import annotations

import re
import unicodedata

# Traditional → Simplified for characters common in unit, office and person names.
# Not a full converter: enough to match names, which use a small vocabulary.
_T2S_PAIRS = (
    "處处組组幹干職职與与學学財财務务規规劃划發发資资體体衛卫藝艺術术導导機机關关黨党辦办會会員员語语計计裝装備备監监國国際际"
    "現现統统號号區区縣县廳厅師师範范紀纪檢检領领設设實实傳传聯联絡络審审達达應应戰战貿贸專专門门條条約约業业總总勞劳動动廣广"
    "電电視视醫医藥药產产經经濟济環环鄉乡鎮镇農农歷历檔档報报議议訊讯網网執执課课雙双綜综協协調调層层團团軍军書书館馆園园點点"
    "權权僑侨臺台灣湾愛爱萬万樂乐兒儿訓训練练級级評评價价離离證证據据儀仪護护類类項项營营運运場场態态滿满義义軟软壓压歸归開开"
    "費费測测驗验礎础織织長长無无為为東东從从見见認认識识參参單单還还這这進进邊边選选適适遺遗問问間间閱阅陽阳險险雜杂靈灵顧顾"
    "風风飛飞鬥斗齡龄個个們们來来倫伦偉伟側侧僅仅優优億亿儲储兩两內内冊册劉刘則则創创勵励勢势勝胜華华卻却廠厂歲岁殘残氣气漢汉"
    "災灾熱热獎奖畢毕當当療疗盡尽確确禮礼稅税穩稳競竞築筑節节糧粮紅红紙纸細细終终結结給给絕绝維维線线編编緣缘績绩繼继續续習习"
    "聖圣聞闻聲声肅肃腦脑臨临興兴舊旧補补製制複复親亲觀观訂订記记許许試试詳详誠诚說说談谈請请論论講讲讀读變变貢贡貧贫責责貨货"
    "質质賽赛贊赞輔辅輕轻遠远連连鐵铁閒闲隊队階阶隨随難难響响順顺預预頭头題题願愿餘余饋馈黃黄齊齐東东圖图館馆歡欢邊边寫写蘭兰"
    "鄭郑陳陈張张楊杨趙赵黃黄吳吴孫孙馬马羅罗鄧邓蕭萧嚴严韓韩錢钱湯汤顏颜謝谢傅傅盧卢葉叶貴贵寧宁慶庆島岛濱滨廈厦門门蘇苏瀋沈"
    "陝陕鄂鄂遼辽貴贵雲云廣广"
)
_T2S = str.maketrans(_T2S_PAIRS[0::2], _T2S_PAIRS[1::2])
_SPACES = re.compile(r"[\s\u3000]+")


def name_key(name: str) -> str:
    """The comparison form of a unit or person name."""
    text = unicodedata.normalize("NFKC", name)
    text = _SPACES.sub("", text).translate(_T2S)
    return text.casefold()
