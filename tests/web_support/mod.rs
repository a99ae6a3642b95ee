//! A tiny HTTP server on 127.0.0.1 for the fetching tests: it serves
//! invented feeds and pages and every way a server can go wrong, and stops
//! when dropped. Written on std's `TcpListener` so the tests need no
//! server crate; it answers one request per connection.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// An invented RSS feed of two items.
pub const FEED: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Harbour Gazette</title>\n\
<item><title>Ferry fares frozen</title><link>http://example.invalid/fares</link><guid>fares-1</guid>\
<description>&lt;p&gt;“Fares stay where they are,” said Mayor Ana Ruiz on Monday.&lt;/p&gt;</description></item>\n\
<item><title>Bridge opens</title><link>http://example.invalid/bridge</link><guid>bridge-2</guid>\
<description>&lt;p&gt;“It is safe to cross,” the engineer Tomas Berg said.&lt;/p&gt;</description></item>\n\
</channel></rss>\n";

/// An invented news page.
pub fn page() -> String {
    let para = "<p>The harbour council met on Tuesday evening to decide the future of the old ferry pier, which has stood empty since the storm.</p>";
    format!(
        "<!DOCTYPE html><html><head><title>Pier to reopen | Harbour Gazette</title>\
         <meta property=\"og:site_name\" content=\"Harbour Gazette\">\
         <link rel=\"canonical\" href=\"http://example.invalid/pier\"></head><body>\
         <nav><a href=/>Home</a> <a href=/sport>Sport</a></nav><article><h1>Pier to reopen</h1>{}\
         <blockquote><p>We owe it to the fishermen to open it again.</p></blockquote>\
         <p>“It will take a year,” said Mayor Ana Ruiz after the vote.</p></article>\
         <footer>Copyright the Gazette</footer></body></html>",
        para.repeat(4)
    )
}

/// One response the server sends.
enum Reply {
    /// Status, headers, body.
    Full(u16, Vec<(String, String)>, Vec<u8>),
    /// Headers promising `len` bytes, then a few, then a reset.
    Reset(usize),
    /// Headers, then silence for a long while.
    Stall,
}

fn reply(path: &str) -> Reply {
    let ok =
        |ct: &str, body: Vec<u8>| Reply::Full(200, vec![("Content-Type".into(), ct.into())], body);
    let redirect = |to: &str| Reply::Full(302, vec![("Location".into(), to.into())], Vec::new());
    match path {
        "/feed.xml" => ok("application/rss+xml", FEED.as_bytes().to_vec()),
        "/page.html" => ok("text/html; charset=utf-8", page().into_bytes()),
        "/feed-as-text" => ok("text/plain", FEED.as_bytes().to_vec()),
        "/wrong-charset" => ok(
            "application/rss+xml; charset=iso-8859-1",
            FEED.replace("Ana Ruiz", "Zoë Ruiz").into_bytes(),
        ),
        "/koi8" => {
            let feed = FEED
                .replace("encoding=\"utf-8\"", "")
                .replace("Ferry fares frozen", "Паром подешевел");
            let (bytes, _, _) = encoding_rs::KOI8_R.encode(&feed);
            ok("text/xml; charset=koi8-r", bytes.into_owned())
        }
        "/gzip" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            let _ = gz.write_all(FEED.as_bytes());
            let body = gz.finish().unwrap_or_default();
            Reply::Full(
                200,
                vec![
                    ("Content-Type".into(), "application/rss+xml".into()),
                    ("Content-Encoding".into(), "gzip".into()),
                ],
                body,
            )
        }
        "/bomb" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            let zeros = vec![b' '; 1 << 20];
            for _ in 0..16 {
                let _ = gz.write_all(&zeros);
            }
            Reply::Full(
                200,
                vec![
                    ("Content-Type".into(), "text/html".into()),
                    ("Content-Encoding".into(), "gzip".into()),
                ],
                gz.finish().unwrap_or_default(),
            )
        }
        "/big" => ok("text/html", vec![b'a'; 64 * 1024]),
        "/image" => ok("image/png", vec![0x89, b'P', b'N', b'G']),
        "/304" => Reply::Full(304, Vec::new(), Vec::new()),
        "/500" => Reply::Full(500, Vec::new(), b"oops".to_vec()),
        "/r1" => redirect("/r2"),
        "/r2" => redirect("/r3"),
        "/r3" => redirect("/feed.xml"),
        "/loop" => redirect("/loop"),
        "/slow" => Reply::Stall,
        "/reset" => Reply::Reset(10_000),
        _ => Reply::Full(404, Vec::new(), b"not here".to_vec()),
    }
}

/// The server; dropping it stops it.
pub struct Server {
    /// Its port on 127.0.0.1.
    pub port: u16,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server on a free port.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
        let port = listener.local_addr().expect("bound").port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let accept = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let stopping = Arc::clone(&stopping);
                    std::thread::spawn(move || serve(stream, &stopping));
                }
            }
        });
        Server {
            port,
            stop,
            accept: Some(accept),
        }
    }

    /// `http://127.0.0.1:PORT/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

fn serve(mut stream: TcpStream, stop: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    match reply(&path) {
        Reply::Full(status, headers, body) => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Reply::Reset(len) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len}\r\n\r\n<html><p>cut"
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.flush();
            let _ = stream.shutdown(Shutdown::Both);
        }
        Reply::Stall => {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n<p>",
            );
            let _ = stream.flush();
            for _ in 0..100 {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}
