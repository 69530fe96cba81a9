"""pith's input the way scrapers store it: WARC files (gzipped, chunked,
compressed, broken), --input auto, JSON Lines records with "html" and "url",
--url. The WARC files are written here, with text written for the project."""

import gzip
import json
import zlib

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
