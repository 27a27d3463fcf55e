//! `cargo xtask book --serve`: the built book over HTTP on localhost, for a reader who
//! prefers that to `file://`.
//!
//! `mdbook serve` would rebuild into its own output and drop the parts the book adds after
//! mdBook (the rustdoc under `api/`, the source pages), so the built directory is served
//! as it is, by a static file server small enough to read: GET and HEAD, one thread a
//! connection, nothing outside the directory.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serves `dir` on `127.0.0.1:port` until the process is stopped.
pub fn serve(dir: &Path, port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port)"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    println!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl-C stops)",
        dir.display()
    );
    for stream in listener.incoming().flatten() {
        let dir = dir.to_path_buf();
        std::thread::spawn(move || {
            // A reader who closes the tab mid-response is no error worth reporting.
            let _ = respond(&dir, stream);
        });
    }
    Ok(())
}

fn respond(dir: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    // The headers are read and ignored, so the client is not cut off mid-request.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return write(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET or HEAD only\n",
            true,
        );
    }
    let (status, path) = match file_for(dir, target) {
        Some(path) => ("200 OK", path),
        None => ("404 Not Found", dir.join("404.html")),
    };
    let body = fs::read(&path).unwrap_or_else(|_| b"not found\n".to_vec());
    write(
        &mut stream,
        status,
        content_type(&path),
        &body,
        method == "GET",
    )
}

fn write(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The file a request target names inside `dir` (`/` and `/x/` are their `index.html`), or
/// `None` if there is none or the target tries to leave `dir`.
fn file_for(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = dir.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_maps_to_a_file_inside_the_directory_only() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("api")).unwrap();
        fs::write(dir.path().join("index.html"), "i").unwrap();
        fs::write(dir.path().join("api/index.html"), "a").unwrap();
        fs::write(dir.path().join("a b.html"), "s").unwrap();
        let found =
            |target: &str| file_for(dir.path(), target).map(|p| fs::read_to_string(p).unwrap());
        assert_eq!(found("/").as_deref(), Some("i"));
        assert_eq!(found("/api/?q=x").as_deref(), Some("a"));
        assert_eq!(found("/a%20b.html#top").as_deref(), Some("s"));
        assert_eq!(found("/missing.html"), None);
        assert_eq!(found("/../etc/passwd"), None);
        assert_eq!(found("/%2e%2e/etc/passwd"), None);
        assert_eq!(found("/%zz"), None);
    }

    #[test]
    fn a_served_book_answers_over_http() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("index.html"), "<p>book</p>").unwrap();
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let served = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let stream = listener.incoming().next().unwrap().unwrap();
            respond(&served, stream).unwrap();
        });
        let mut client = TcpStream::connect(("127.0.0.1", port)).unwrap();
        client
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        std::io::Read::read_to_string(&mut client, &mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
        assert!(response.contains("text/html") && response.ends_with("<p>book</p>"));
    }
}
