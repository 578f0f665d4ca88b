"""Queries a careless or hostile reader may type; none of them may break anything."""

HOSTILE_QUERIES = [
    "",
    "   ",
    "x" * 5000,
    "数据" * 2500,
    "!!!",
    "?!.,;:()[]{}<>…—",
    '"unbalanced',
    "'unbalanced too",
    "🦀🦀 🐍",
    "' OR 1=1; --",
    "SELECT * FROM users WHERE id = 1; DROP TABLE pages;",
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "</mark><b>bold</b>",
    "${constructor}",
    "__proto__ constructor hasOwnProperty",
]
