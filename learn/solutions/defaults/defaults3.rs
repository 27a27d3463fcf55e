// defaults3: make it hold: keyword arguments with defaults, as a struct with `Default`.
//
// Page: docs/defaults.md#default-and-defaultdefault-keyword-arguments-with-defaults
//
// Python's `print(1, 2, 3, sep=", ")` names one keyword argument and takes the others'
// defaults. Rust writes the keyword arguments as a struct, the defaults as its `Default`
// impl, and a call that names one field as `PrintOptions { sep: .., ..Default::default() }`.
// Done when the tests pass: the defaults are `print`'s.

#[derive(Debug, Clone, PartialEq)]
struct PrintOptions {
    sep: String,
    end: String,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            sep: " ".to_owned(),
            end: "\n".to_owned(),
        }
    }
}

/// What Python's `print(*items, sep=.., end=..)` writes.
fn render(items: &[i64], options: &PrintOptions) -> String {
    let words: Vec<String> = items.iter().map(i64::to_string).collect();
    format!("{}{}", words.join(&options.sep), options.end)
}

fn main() {
    print!("{}", render(&[1, 2, 3], &PrintOptions::default()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_prints() {
        assert_eq!(render(&[1, 2, 3], &PrintOptions::default()), "1 2 3\n");
    }

    #[test]
    fn naming_one_field_keeps_the_other_default() {
        let options = PrintOptions {
            sep: ", ".to_owned(),
            ..Default::default()
        };
        assert_eq!(render(&[1, 2, 3], &options), "1, 2, 3\n");
        let options = PrintOptions {
            end: String::new(),
            ..Default::default()
        };
        assert_eq!(render(&[7], &options), "7");
    }
}
