"""Scripts for developers: translations, schema fixtures, the office-PC build."""
