//! "A tree diagram where each branch is like a new tree": a recursive type and recursive code.
//!
//! A Python class can hold instances of itself for free, since every attribute is a
//! reference. A Rust value is stored inline, so a type that contains itself directly would
//! have infinite size and does not compile:
//!
//! ```compile_fail,E0072
//! enum Tree {
//!     Empty,
//!     Node(i32, Tree, Tree), // error[E0072]: recursive type `Tree` has infinite size
//! }
//! ```
//!
//! The fix is indirection: a `Box` is a pointer to a heap value, of fixed size, so
//! `Node(Box<Node<T>>)` makes each branch a pointer to a new tree. Each function here then
//! follows the shape of the type: the `Empty` case is its termination condition, the `Node`
//! case its reduction step, one call per branch.

use std::cmp::Ordering;
use std::fmt;

use crate::limit::{Depth, RecursionError};

/// A binary search tree: empty, or a node whose branches are trees themselves.
///
/// ```
/// use recursion::tree::Tree;
///
/// let tree: Tree<i32> = [4, 2, 6, 1, 3].into_iter().collect();
/// assert_eq!(tree.len(), 5);
/// assert_eq!(tree.depth(), 3);
/// assert_eq!(tree.in_order(), [&1, &2, &3, &4, &6]);
/// assert!(tree.contains(&3) && !tree.contains(&5));
/// ```
// ANCHOR: tree
#[derive(Debug, PartialEq, Eq, Default)]
pub enum Tree<T> {
    /// No node: where every recursion over the tree stops.
    #[default]
    Empty,
    /// A node, boxed so that `Tree` has a fixed size.
    Node(Box<Node<T>>),
}

/// A tree's node: a value and two branches, each a tree.
#[derive(Debug, PartialEq, Eq)]
pub struct Node<T> {
    /// The value held here.
    pub value: T,
    /// The branch of smaller values.
    pub left: Tree<T>,
    /// The branch of larger values.
    pub right: Tree<T>,
}

impl<T> Tree<T> {
    /// A node with two branches.
    pub fn node(value: T, left: Tree<T>, right: Tree<T>) -> Self {
        Tree::Node(Box::new(Node { value, left, right }))
    }

    /// A node with two empty branches.
    pub fn leaf(value: T) -> Self {
        Tree::node(value, Tree::Empty, Tree::Empty)
    }

    /// A degenerate tree, every node a right branch of the one before: as deep as it is long.
    /// Built with a loop, so any length is fine.
    ///
    /// ```
    /// let spine = recursion::tree::Tree::spine(0..100_000);
    /// assert_eq!(spine.depth_with_stack(), 100_000);
    /// ```
    pub fn spine<I>(values: I) -> Self
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: DoubleEndedIterator,
    {
        let mut tree = Tree::Empty;
        for value in values.into_iter().rev() {
            tree = Tree::node(value, Tree::Empty, tree);
        }
        tree
    }

    /// The number of values: 0 for `Empty`, else 1 plus the counts of both branches.
    pub fn len(&self) -> usize {
        match self {
            Tree::Empty => 0,
            Tree::Node(node) => 1 + node.left.len() + node.right.len(),
        }
    }

    /// Whether the tree holds no value.
    pub fn is_empty(&self) -> bool {
        matches!(self, Tree::Empty)
    }

    /// The number of nodes on the longest path from the root down.
    pub fn depth(&self) -> usize {
        match self {
            Tree::Empty => 0,
            Tree::Node(node) => 1 + node.left.depth().max(node.right.depth()),
        }
    }

    /// [`depth`](Tree::depth) with a recursion limit, as Python would impose one.
    ///
    /// ```
    /// use recursion::limit::Depth;
    /// use recursion::tree::Tree;
    ///
    /// assert_eq!(Tree::spine(0..500).depth_limited(Depth::new(1000)), Ok(500));
    /// assert!(Tree::spine(0..5000).depth_limited(Depth::new(1000)).is_err());
    /// ```
    pub fn depth_limited(&self, depth: Depth) -> Result<usize, RecursionError> {
        match self {
            Tree::Empty => Ok(0),
            Tree::Node(node) => {
                let deeper = depth.deeper()?;
                let left = node.left.depth_limited(deeper)?;
                let right = node.right.depth_limited(deeper)?;
                Ok(1 + left.max(right))
            }
        }
    }

    /// The values from left to right: sorted, for a search tree.
    pub fn in_order(&self) -> Vec<&T> {
        let mut values = Vec::with_capacity(self.len());
        self.collect_in_order(&mut values);
        values
    }

    fn collect_in_order<'t>(&'t self, values: &mut Vec<&'t T>) {
        if let Tree::Node(node) = self {
            node.left.collect_in_order(values);
            values.push(&node.value);
            node.right.collect_in_order(values);
        }
    }
}
// ANCHOR_END: tree

impl<T: Ord> Tree<T> {
    /// Inserts `value` where it sorts; `false` if it is already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self {
            Tree::Empty => {
                *self = Tree::leaf(value);
                true
            }
            Tree::Node(node) => match value.cmp(&node.value) {
                Ordering::Less => node.left.insert(value),
                Ordering::Greater => node.right.insert(value),
                Ordering::Equal => false,
            },
        }
    }

    /// Whether `value` is in the tree, looking down one branch per level.
    pub fn contains(&self, value: &T) -> bool {
        match self {
            Tree::Empty => false,
            Tree::Node(node) => match value.cmp(&node.value) {
                Ordering::Less => node.left.contains(value),
                Ordering::Greater => node.right.contains(value),
                Ordering::Equal => true,
            },
        }
    }
}

impl<T: Ord> FromIterator<T> for Tree<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut tree = Tree::Empty;
        for value in values {
            tree.insert(value);
        }
        tree
    }
}

/// Dropping is recursive too, and hidden: the compiler's drop of a `Box<Node>` drops its
/// branches first, one stack frame per level, so a deep enough tree would overflow the stack
/// just by going out of scope. This drop takes the branches apart with an explicit stack.
/// (It is on `Node` rather than `Tree` because a type with `Drop` cannot be taken apart by
/// moving out of it, and the code above matches on `Tree` freely.)
impl<T> Drop for Node<T> {
    fn drop(&mut self) {
        let mut stack: Vec<Box<Node<T>>> = Vec::new();
        detach_branches(self, &mut stack);
        while let Some(mut node) = stack.pop() {
            detach_branches(&mut node, &mut stack);
            // `node` is dropped here with two empty branches: its own `drop` finds nothing
            // to do, so the depth of calls stays at two whatever the depth of the tree.
        }
    }
}

/// Moves `node`'s branches onto `stack`, leaving it two empty ones.
fn detach_branches<T>(node: &mut Node<T>, stack: &mut Vec<Box<Node<T>>>) {
    for branch in [&mut node.left, &mut node.right] {
        if let Tree::Node(child) = std::mem::take(branch) {
            stack.push(child);
        }
    }
}

/// Draws the tree as a diagram, each branch drawn as a tree of its own.
///
/// ```
/// let tree: recursion::tree::Tree<i32> = [2, 1, 3].into_iter().collect();
/// assert_eq!(tree.to_string(), "2\n├── 1\n└── 3\n");
/// ```
impl<T: fmt::Display> fmt::Display for Tree<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tree::Empty => writeln!(f, "(empty)"),
            Tree::Node(node) => draw(node, "", f),
        }
    }
}

fn draw<T: fmt::Display>(node: &Node<T>, prefix: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    writeln!(f, "{}", node.value)?;
    if node.left.is_empty() && node.right.is_empty() {
        return Ok(());
    }
    for (branch, last) in [(&node.left, false), (&node.right, true)] {
        let (elbow, indent) = if last {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        write!(f, "{prefix}{elbow}")?;
        match branch {
            Tree::Empty => writeln!(f, "·")?,
            Tree::Node(child) => draw(child, &format!("{prefix}{indent}"), f)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Tree<i32> {
        [4, 2, 6, 1, 3, 5, 7].into_iter().collect()
    }

    #[test]
    fn recursive_functions_agree_with_the_shape() {
        let tree = sample();
        assert_eq!(tree.len(), 7);
        assert_eq!(tree.depth(), 3);
        assert_eq!(tree.in_order(), [&1, &2, &3, &4, &5, &6, &7]);
        assert!((1..=7).all(|n| tree.contains(&n)));
        assert!(!tree.contains(&8));
    }

    #[test]
    fn inserting_a_duplicate_changes_nothing() {
        let mut tree = sample();
        assert!(!tree.insert(4));
        assert_eq!(tree.len(), 7);
    }

    #[test]
    fn the_diagram_marks_a_missing_branch() {
        let tree: Tree<i32> = [2, 3].into_iter().collect();
        assert_eq!(tree.to_string(), "2\n├── ·\n└── 3\n");
        assert_eq!(Tree::<i32>::Empty.to_string(), "(empty)\n");
    }

    #[test]
    fn a_deep_spine_drops_without_overflowing() {
        // A million levels: the compiler's recursive drop would need far more than the
        // 2 MiB a test thread has.
        let spine = Tree::spine(0..1_000_000);
        assert_eq!(spine.len_with_stack(), 1_000_000);
        drop(spine);
    }
}
