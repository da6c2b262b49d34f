"""The syntax layer: lexers, Lark grammars and the lossless concrete syntax tree."""
