// recursion3: fix the compile error: a tree whose branches are trees.
//
// Page: docs/recursion.md#6-a-tree-whose-branches-are-trees-an-enum-with-a-box
//
// A Python `Tree` holds references to its branches: every attribute is a reference. A Rust
// `enum` holds its fields inline, so a `Tree` inside a `Tree` would need infinite room.
// Done when it compiles and prints the tree's depth, as the page's Python does.

// TODO: give the branches a size the compiler knows.
// The value is kept, as the page's `Tree` keeps it, though `depth` does not read it.
#[allow(dead_code)]
enum Tree {
    // error[E0072]: recursive type `Tree` has infinite size
    Empty,
    Node(i64, Tree, Tree),
}

fn node(value: i64, left: Tree, right: Tree) -> Tree {
    Tree::Node(value, left, right)
}

fn leaf(value: i64) -> Tree {
    node(value, Tree::Empty, Tree::Empty)
}

fn depth(tree: &Tree) -> usize {
    match tree {
        Tree::Empty => 0,
        Tree::Node(_, left, right) => 1 + depth(left).max(depth(right)),
    }
}

fn main() {
    let tree = node(4, node(2, leaf(1), leaf(3)), node(6, leaf(5), leaf(7)));
    println!("{}", depth(&tree));
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
3
"#;

    #[test]
    fn prints_the_depth() {
        learn_check::prints(main, EXPECTED);
    }
}
