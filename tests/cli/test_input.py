"""pith's input the way scrapers store it: WARC files (gzipped, chunked,
compressed, broken), --input auto, JSON Lines records with "html" and "url",
--url. The WARC files are written here, with text written for the project."""

import gzip
import json
import zlib

import pytest

PAGE = (
    "<html lang='en'><head><title>Quay strike ends | Harbour Daily</title>"
    "<meta property='og:site_name' content='Harbour Daily'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Quay strike ends</h1>"
    "<p>Crane operators at the northern quay ended a six-day strike on Monday "
    "after the port authority agreed to review their night rota, the union said.</p>"
    "<p>Ships had queued outside the breakwater for most of the week.</p></article>"
    "<aside class='related'><a href='/x'>Related: more strikes</a></aside>"
    "</body></html>"
)


def warc_record(kind, uri, content, content_type, extra=""):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-03-18T08:15:00Z\r\nWARC-Record-ID: <urn:uuid:0000>\r\n%s"
            "Content-Type: %s\r\nContent-Length: %d\r\n\r\n") % (kind, uri, extra, content_type, len(content))
    return head.encode() + content + b"\r\n\r\n"


def http_response(body, headers="Content-Type: text/html; charset=utf-8\r\n"):
    return ("HTTP/1.1 200 OK\r\n%s\r\n" % headers).encode() + body


def chunked(body, size=40):
    out = b""
    for i in range(0, len(body), size):
        piece = body[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def crawl():
    """A small crawl: every kind of record a WARC file of news pages holds."""
    page = PAGE.encode()
    latin = "<html><body><p>Le café du port rouvre après la grève, dit le maire.</p></body></html>"
    return [
        warc_record("warcinfo", "", b"software: pith tests\r\n", "application/warc-fields"),
        warc_record("request", "https://news.example/quay", b"GET /quay HTTP/1.1\r\n\r\n",
                    "application/http; msgtype=request"),
        warc_record("response", "https://news.example/2024/03/18/quay", http_response(page),
                    "application/http; msgtype=response"),
        warc_record("response", "https://news.example/logo.png",
                    http_response(b"\x89PNG", "Content-Type: image/png\r\n"),
                    "application/http; msgtype=response"),
        warc_record("response", "https://news.example/chunked",
                    http_response(chunked(page), "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"),
                    "application/http; msgtype=response"),
        warc_record("response", "https://news.example/gzipped",
                    http_response(gzip.compress(page), "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"),
                    "application/http; msgtype=response"),
        warc_record("response", "https://news.example/latin",
                    http_response(latin.encode("latin-1"), "Content-Type: text/html; charset=ISO-8859-1\r\n"),
                    "application/http; msgtype=response"),
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/broken\r\n"
        b"Content-Length: many\r\n\r\nnot a page\r\n\r\n",
        warc_record("resource", "https://news.example/resource", page, "text/html"),
    ]


def lines_of(result):
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def check_crawl(records, source):
    ids = [r.get("id") for r in records]
    assert ids == ["https://news.example/2024/03/18/quay", "https://news.example/chunked",
                   "https://news.example/gzipped", "https://news.example/latin",
                   "https://news.example/broken", "https://news.example/resource"]
    for record in records[:3] + records[5:]:
        assert record["text"].startswith("Quay strike ends\n\nCrane operators"), record["text"]
        assert "Related" not in record["text"] and "Home" not in record["text"]
        assert record["metadata"]["url"] == record["id"]
        assert record["metadata"]["crawled"] == "2024-03-18T08:15:00Z"
        assert record["metadata"]["input_format"] == "html"
    assert records[0]["metadata"]["published"] == "2024-03-18"
    assert records[0]["metadata"]["title"] == "Quay strike ends"
    assert records[0]["metadata"]["site_name"] == "Harbour Daily"
    assert records[3]["text"] == "Le café du port rouvre après la grève, dit le maire."
    broken = records[4]
    assert broken["error"]["code"] == "invalid-input"
    assert "Content-Length" in broken["error"]["message"]
    assert broken["record"] == 8 and broken["source"] == source


def test_warc_file(pith, tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(crawl()))
    result = pith("-p", "clean", str(path), check_status=1)
    check_crawl(lines_of(result), str(path))
    assert f"{path}: record 8 (https://news.example/broken):" in result.stderr.decode()


def test_warc_gz_with_a_member_per_record(pith, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(record) for record in crawl()))
    check_crawl(lines_of(pith("-p", "clean", str(path), check_status=1)), str(path))


def test_warc_on_standard_input_gzipped_or_not(pith):
    plain = b"".join(crawl())
    check_crawl(lines_of(pith("-p", "clean", input=plain, check_status=1)), "<stdin>")
    check_crawl(lines_of(pith("-p", "clean", "-i", "warc", input=gzip.compress(plain), check_status=1)),
                "<stdin>")


def test_truncated_warc_keeps_what_came_before(pith, tmp_path):
    data = b"".join(crawl()[:3])
    path = tmp_path / "cut.warc.gz"
    # The second page's member is cut in the middle.
    path.write_bytes(gzip.compress(data) + gzip.compress(crawl()[4])[:60])
    records = lines_of(pith("-p", "clean", str(path), check_status=1))
    assert records[0]["id"] == "https://news.example/2024/03/18/quay"
    assert "error" in records[-1]


def test_a_warc_of_garbage_is_an_error_not_a_crash(pith, tmp_path):
    path = tmp_path / "garbage.warc"
    path.write_bytes(b"\x00\x01 this is not a crawl \xff" * 1000)
    records = lines_of(pith("-p", "clean", str(path), check_status=1))
    assert len(records) == 1 and records[0]["error"]["code"] == "invalid-input"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage after a gzip magic")
    records = lines_of(pith("-p", "clean", str(path), check_status=1))
    assert all("error" in r for r in records)


def test_auto_tells_pages_from_text(pith, tmp_path):
    page = tmp_path / "quay.html"
    page.write_text(PAGE, encoding="utf-8")
    text = tmp_path / "quay.txt"
    text.write_text("Quay strike ends.\n\nCrane operators went back to work.", encoding="utf-8")
    docs = json.loads(pith("-p", "clean", "-o", "json", str(page), str(text), check_status=0).stdout)
    assert docs[0]["text"].startswith("Quay strike ends\n\nCrane operators")
    assert docs[0]["cleaning"]["html"]["path"] == "article"
    assert docs[1]["text"] == "Quay strike ends.\n\nCrane operators went back to work."
    # --input text keeps a page's markup as text.
    kept = json.loads(pith("-p", "clean", "-i", "text", "-o", "json", str(page), check_status=0).stdout)
    assert kept["text"].startswith("<html")


def test_json_lines_with_html_and_url(pith):
    record = {"id": "q", "html": PAGE, "url": "https://news.example/2024/03/18/quay"}
    out = lines_of(pith("-p", "clean", input=(json.dumps(record) + "\n").encode(), check_status=0))
    assert out[0]["id"] == "q"
    assert out[0]["text"].startswith("Quay strike ends\n\nCrane operators")
    assert out[0]["metadata"]["url"] == "https://news.example/2024/03/18/quay"
    assert out[0]["metadata"]["published"] == "2024-03-18"
    assert out[0]["cleaning"]["html"]["sources"]["published"] == "url"


def test_url_option_for_one_page(pith, tmp_path):
    page = tmp_path / "quay.html"
    page.write_text(PAGE.replace("<head>", "<head><link rel='canonical' href='/quay'>"), encoding="utf-8")
    doc = json.loads(pith("-p", "clean", "-o", "json", "--url", "https://news.example/2024/03/18/x",
                          str(page), check_status=0).stdout)
    assert doc["metadata"]["url"] == "https://news.example/quay"
    assert doc["metadata"]["published"] == "2024-03-18"
    assert pith("--url", "https://news.example/", str(page), str(page)).returncode == 2


def test_bad_input_format_is_a_usage_error(pith):
    result = pith("-i", "xml", input=b"x")
    assert result.returncode == 2
    assert "auto, text, html, jsonl or warc" in result.stderr.decode()


# Gzip, whatever the name, and input that is no text.

ARTICLE = ("Crane operators at the northern quay ended their strike on Monday. "
           "Ships had queued outside the breakwater for most of the week.\n")


def test_gzipped_files_are_read_as_their_plain_bytes(pith, tmp_path):
    text = tmp_path / "story.txt.gz"
    text.write_bytes(gzip.compress(ARTICLE.encode()))
    doc = json.loads(pith("-p", "clean", "-o", "json", str(text), check_status=0).stdout)
    assert doc["text"] == ARTICLE.strip()

    # A gzipped page is still a page, and a gzip file by its magic, not its name.
    page = tmp_path / "page"
    page.write_bytes(gzip.compress(PAGE.encode()))
    doc = json.loads(pith("-p", "clean", "-o", "json", str(page), check_status=0).stdout)
    assert doc["metadata"]["title"] == "Quay strike ends"
    assert "Related" not in doc["text"]


def test_gzipped_json_lines_in_several_members(pith, tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    first = "".join(json.dumps({"id": i, "text": f"Line {i}."}) + "\n" for i in range(3))
    second = json.dumps({"id": 3, "text": "Line 3."}) + "\n"
    path.write_bytes(gzip.compress(first.encode()) + gzip.compress(second.encode()))
    records = lines_of(pith("-p", "clean", str(path), check_status=0))
    assert [r["id"] for r in records] == [0, 1, 2, 3]
    # On standard input, too.
    records = lines_of(pith("-p", "clean", input=path.read_bytes(), check_status=0))
    assert [r["text"] for r in records] == ["Line 0.", "Line 1.", "Line 2.", "Line 3."]


def test_a_gzip_stream_cut_short_keeps_its_lines_and_says_so(pith, tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    lines = "".join(json.dumps({"id": i, "text": f"Record {i} of many."}) + "\n" for i in range(5000))
    whole = gzip.compress(lines.encode())
    path.write_bytes(whole[: len(whole) // 2])
    result = pith("-p", "clean", str(path), check_status=1)
    records = lines_of(result)
    assert records[0]["id"] == 0 and len(records) > 100
    assert records[-1] == {"source": str(path),
                           "error": {"code": "partial-input", "message": "The gzip stream is cut short"}}
    assert f"{path}: The gzip stream is cut short" in result.stderr.decode()


@pytest.mark.parametrize("name, data, kind", [
    ("program", b"\x7fELF\x02\x01\x01" + bytes(200), "an ELF executable or library"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG image"),
    ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "a JPEG image"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF document"),
    ("archive.zip", b"PK\x03\x04\x14\x00" + bytes(60), "a ZIP archive"),
    ("noise.bin", bytes((i * 131 + 7) % 256 for i in range(3000)), "binary data"),
])
def test_input_that_is_no_text_is_named_and_refused(pith, tmp_path, name, data, kind):
    path = tmp_path / name
    path.write_bytes(data)
    result = pith("-p", "clean", str(path), check_status=1)
    assert result.stdout == b""
    assert result.stderr.decode().startswith(f"pith: {path}: This is {kind}")
    # JSON output says the same, with its code; gzipped, it is still found out.
    path.write_bytes(gzip.compress(data))
    out = json.loads(pith("-p", "clean", "-o", "json", str(path), check_status=1).stdout)
    assert out["error"]["code"] == "invalid-input" and kind in out["error"]["message"]


def test_binary_json_lines_is_one_error_not_a_line_each(pith, tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\n".join(bytes([i, 0, 1, 2]) for i in range(50)))
    records = lines_of(pith("-p", "clean", str(path), check_status=1))
    assert len(records) == 1 and "a PNG image, not JSON Lines" in records[0]["error"]["message"]


def test_a_few_stray_control_bytes_are_still_text(pith, tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(ARTICLE.encode().replace(b" ", b"\x00", 3) + b"\x07\x08")
    doc = json.loads(pith("-p", "clean", "-o", "json", str(path), check_status=0).stdout)
    assert doc["metadata"]["replaced_nul_bytes"] == 3


def test_utf16_without_a_byte_order_mark(pith, tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("Zoë met Ömer in Kraków.".encode("utf-16-le"))
    doc = json.loads(pith("-p", "clean", "-o", "json", str(path), check_status=0).stdout)
    assert doc["text"] == "Zoë met Ömer in Kraków."


# JSON Lines whose text and id are under other names.

def test_text_field_and_id_field(pith):
    stream = "".join(json.dumps(r) + "\n" for r in [
        {"article": "Alice Moreau flew to Lisbon.", "highlights": "A flight.", "story": "a1"},
        {"article": "Bruno stayed home.", "story": 7},
        {"text": "This record has no article."},
        {"article": ["not", "a", "string"], "story": "a4"},
    ]).encode()
    result = pith("-p", "clean", "--text-field", "article", "--id-field", "story", input=stream,
                  check_status=1)
    records = lines_of(result)
    assert records[0]["id"] == "a1" and records[0]["text"] == "Alice Moreau flew to Lisbon."
    # The text is not repeated as a member of its own; other members stay.
    assert "article" not in records[0] and records[0]["highlights"] == "A flight."
    assert records[1]["id"] == 7
    assert records[2]["line"] == 3
    assert records[2]["error"]["message"] == "The record has no “article” member (--text-field)"
    assert records[3]["id"] == "a4" and "not a string" in records[3]["error"]["message"]


def test_text_field_html_reads_a_page(pith):
    stream = (json.dumps({"content": PAGE, "url": "https://news.example/q"}) + "\n").encode()
    records = lines_of(pith("-p", "clean", "--text-field", "content", input=stream, check_status=0))
    # Found to be a page by its look, as text is.
    assert records[0]["metadata"]["title"] == "Quay strike ends"
    stream = (json.dumps({"page": PAGE}) + "\n").encode()
    records = lines_of(pith("-p", "clean", "--text-field", "page", "-i", "jsonl", input=stream, check_status=0))
    assert records[0]["metadata"]["title"] == "Quay strike ends"
