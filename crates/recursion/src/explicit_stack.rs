//! Recursion rewritten as a loop: the call stack becomes a `Vec` the code manages itself.
//!
//! A recursive call saves "what is left to do" in a stack frame. A loop can save the same
//! thing in a `Vec`, which lives on the heap and grows as far as memory allows: no recursion
//! limit (Python) and no stack overflow (Rust). The price is that the bookkeeping the call
//! stack did for free is now written out. Each function here gives the same answer as its
//! recursive twin in [`crate::tree`].

use crate::tree::{Node, Tree};

impl<T> Tree<T> {
    /// [`Tree::depth`] with an explicit stack of (node, its depth) pairs.
    ///
    /// ```
    /// use recursion::tree::Tree;
    ///
    /// let tree: Tree<i32> = [4, 2, 6, 1].into_iter().collect();
    /// assert_eq!(tree.depth_with_stack(), tree.depth());
    /// ```
    // ANCHOR: depth_with_stack
    pub fn depth_with_stack(&self) -> usize {
        let mut deepest = 0;
        let mut stack: Vec<(&Node<T>, usize)> = Vec::new();
        if let Tree::Node(root) = self {
            stack.push((root, 1));
        }
        while let Some((node, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            for branch in [&node.left, &node.right] {
                if let Tree::Node(child) = branch {
                    stack.push((child, depth + 1));
                }
            }
        }
        deepest
    }
    // ANCHOR_END: depth_with_stack

    /// [`Tree::len`] with an explicit stack of nodes still to count.
    pub fn len_with_stack(&self) -> usize {
        let mut count = 0;
        let mut stack: Vec<&Tree<T>> = vec![self];
        while let Some(tree) = stack.pop() {
            if let Tree::Node(node) = tree {
                count += 1;
                stack.push(&node.left);
                stack.push(&node.right);
            }
        }
        count
    }

    /// [`Tree::in_order`] with an explicit stack: go left as far as possible, remembering each
    /// node passed; then take the last one remembered, emit it, and go right once.
    ///
    /// ```
    /// use recursion::tree::Tree;
    ///
    /// let tree: Tree<i32> = [4, 2, 6, 1, 3].into_iter().collect();
    /// assert_eq!(tree.in_order_with_stack(), tree.in_order());
    /// ```
    pub fn in_order_with_stack(&self) -> Vec<&T> {
        let mut values = Vec::new();
        let mut pending: Vec<&Node<T>> = Vec::new();
        let mut current = self;
        loop {
            while let Tree::Node(node) = current {
                pending.push(node);
                current = &node.left;
            }
            let Some(node) = pending.pop() else { break };
            values.push(&node.value);
            current = &node.right;
        }
        values
    }
}

#[cfg(test)]
mod tests {
    use crate::limit::Depth;
    use crate::tree::Tree;

    #[test]
    fn loops_and_recursion_agree_on_many_shapes() {
        for seed in 0..50u64 {
            let mut rng = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let values = (0..seed * 3).map(|_| {
                rng = rng
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (rng >> 40) % 100
            });
            let tree: Tree<u64> = values.collect();
            assert_eq!(tree.depth_with_stack(), tree.depth());
            assert_eq!(tree.len_with_stack(), tree.len());
            assert_eq!(tree.in_order_with_stack(), tree.in_order());
        }
    }

    #[test]
    fn a_loop_goes_where_the_guarded_recursion_refuses() {
        let spine = Tree::spine(0..50_000);
        assert!(spine.depth_limited(Depth::new(1000)).is_err());
        assert_eq!(spine.depth_with_stack(), 50_000);
        assert_eq!(spine.in_order_with_stack().len(), 50_000);
    }
}
