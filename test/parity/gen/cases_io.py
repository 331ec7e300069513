"""Text input: np.loadtxt / np.genfromtxt on lists of lines (NumPy accepts any iterable of str),
with delimiters, comments, skiprows/skip_header, usecols, dtype, ndmin, max_rows, missing values,
and bad input (unparsable fields, ragged rows, bad column indices)."""


def cases(c):
    L = lambda s: s.split("\n")  # noqa: E731
    ok = [
        ("ws", "1 2 3\n4 5 6", {}),
        ("csv", "1,2\n3,4", {"delimiter": ","}),
        ("csv-spaces", "1, 2.5\n-3e2 ,4", {"delimiter": ","}),
        ("semicolon", "1;2;3\n4;5;6", {"delimiter": ";"}),
        ("tab", "1\t2\n3\t4", {"delimiter": "\t"}),
        ("comments", "# head\n1 2 # tail\n\n3 4", {}),
        ("comment-char", "% c\n1 2\n3 4", {"comments": "%"}),
        ("comment-list", "% c\n# d\n1 2", {"comments": ["%", "#"]}),
        ("skiprows", "a b\nc d\n1 2\n3 4", {"skiprows": 2}),
        ("usecols", "1 2 3\n4 5 6", {"usecols": [0, 2]}),
        ("usecols-int", "1 2 3\n4 5 6", {"usecols": 1}),
        ("usecols-neg", "1 2 3\n4 5 6", {"usecols": [-1, 0]}),
        ("int64", "1 2\n3 -4", {"dtype": "int64"}),
        ("int32", "1,2\n-3,4", {"delimiter": ",", "dtype": "int32"}),
        ("uint8", "1 2\n3 255", {"dtype": "uint8"}),
        ("float32", "0.1 0.2\n0.3 0.4", {"dtype": "float32"}),
        ("max_rows", "1 2\n3 4\n5 6", {"max_rows": 2}),
        ("single-row", "1 2 3", {}),
        ("single-col", "1\n2\n3", {}),
        ("single-value", "5", {}),
        ("ndmin2-row", "1 2 3", {"ndmin": 2}),
        ("ndmin2-col", "1\n2", {"ndmin": 2}),
        ("ndmin1-value", "7", {"ndmin": 1}),
        ("ndmin2-value", "7", {"ndmin": 2}),
        ("nan-inf", "nan inf\n-inf 1e-300", {}),
        ("exponents", "1e5 -2.5E-3\n+7 .5", {}),
        ("underscore", "1_000 2", {}),
    ]
    for name, src, kw in ok:
        c.add(f"loadtxt/{name}", "loadtxt", L(src), exact=True, **kw)
    bad = [
        ("bad-float", "1,2\n3,x", {"delimiter": ","}),
        ("bad-int", "1.5 2\n3 4", {"dtype": "int64"}),
        ("ragged", "1,2\n3", {"delimiter": ","}),
        ("ragged-more", "1 2\n3 4 5", {}),
        ("usecols-range", "1 2 3\n4 5 6", {"usecols": [0, 5]}),
        ("usecols-neg-range", "1 2 3\n4 5 6", {"usecols": [-4]}),
        ("empty-field", "1,,3", {"delimiter": ","}),
        ("text-field", "a b\n1 2", {}),
        ("bad-int-text", "1 two", {"dtype": "int32"}),
    ]
    for name, src, kw in bad:
        c.add(f"loadtxt/{name}", "loadtxt", L(src), **kw)

    gen = [
        ("missing", "1,,3\n4,5,", {"delimiter": ","}),
        ("missing-values", "1,N/A,3\n4,5,6", {"delimiter": ",", "missing_values": "N/A"}),
        ("filling", "1,N/A,3\n4,5,", {"delimiter": ",", "missing_values": "N/A", "filling_values": -1}),
        ("unparsable", "1,abc,3", {"delimiter": ","}),
        ("ws", "1 2\n3 4", {}),
        ("skip", "h\n1 2\n3 4\n5 6\nf", {"skip_header": 1, "skip_footer": 1}),
        ("usecols", "1,2,3\n4,5,6", {"delimiter": ",", "usecols": [0, 2]}),
        ("comments", "# c\n1,2 # x\n3,4", {"delimiter": ","}),
        ("max_rows", "1 2\n3 4\n5 6", {"max_rows": 2}),
        ("int", "1,2\n3,", {"delimiter": ",", "dtype": "int64"}),
        ("single-row", "1,2,3", {"delimiter": ","}),
    ]
    for name, src, kw in gen:
        c.add(f"genfromtxt/{name}", "genfromtxt", L(src), exact=True, **kw)
    c.add("genfromtxt/ragged", "genfromtxt", L("1,2\n3\n4,5"), delimiter=",")
    c.add("genfromtxt/ragged-two", "genfromtxt", L("1,2\n3\n4,5,6"), delimiter=",")
