//! A plain HTML view of a repository file rustdoc does not show (a test, an example, a
//! manifest), so that a page's link to it lands somewhere in the book. Each line has its
//! number as its id, as in rustdoc's source view, so a forge's `#L12` becomes `#12`.

/// The page for `repo_path` with `text`, written `depth` directories below the book's root.
pub fn render(repo_path: &str, text: &str, depth: usize) -> String {
    let up = "../".repeat(depth);
    let mut lines = String::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        lines.push_str(&format!(
            "<span class=\"line\" id=\"{number}\"><a href=\"#{number}\">{number}</a>{}</span>\n",
            escape(line)
        ));
    }
    let title = escape(repo_path);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <p><a href=\"{up}index.html\">Python ideas, in Rust</a> / <code>{title}</code></p>\n\
         <pre>\n{lines}</pre>\n</body>\n</html>\n"
    )
}

const STYLE: &str = "body { font-family: sans-serif; margin: 1em 2em; }\n\
pre { font-size: 14px; line-height: 1.4; }\n\
.line a { display: inline-block; width: 4ch; margin-inline-end: 1.5ch; text-align: right; \
color: #999; text-decoration: none; user-select: none; }\n\
.line:target { background: #ffc; }\n";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_numbered_escaped_and_anchored() {
        let page = render("crates/a/tests/t.rs", "fn f() -> Vec<u8> {}\n\"x\" && y", 3);
        assert!(page.contains(
            "<span class=\"line\" id=\"1\"><a href=\"#1\">1</a>fn f() -&gt; Vec&lt;u8&gt; {}</span>"
        ));
        assert!(page.contains("id=\"2\"><a href=\"#2\">2</a>&quot;x&quot; &amp;&amp; y</span>"));
        assert!(page.contains("<a href=\"../../../index.html\">"));
        assert!(!page.contains("id=\"3\""));
    }
}
