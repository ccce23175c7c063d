//! Stable sorting with one copy of the standard library's sort for the
//! whole app.
//!
//! `slice::sort_by` and `sort_by_key` are compiled once for every element
//! type and comparison (each closure is a type of its own): about 3 KB of
//! wasm each, in some forty places that order themes, actions, updates,
//! events and issues, and every byte of the page's wasm is downloaded on a
//! partner's first visit. These sort the items' positions with a comparison
//! behind `dyn`, so the sort itself is compiled once, then put the items in
//! that order. Stable as `sort_by` is: items that compare equal keep their
//! order. For the few hundred to few thousand items a plan holds, the extra
//! indirect call per comparison costs nothing a person could notice.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order
/// (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` in their own order (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by the key `key` gives each, keeping items with equal keys
/// in their order (as `slice::sort_by_key`: the key is worked out at each
/// comparison).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` (of two positions) puts
/// them: the one place the standard library's stable sort is compiled.
#[allow(clippy::disallowed_methods)]
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard library's sort
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does_keeping_equal_items_in_order(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            // Sorted by the first field only: the second tells equal items apart.
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &std_sorted);

            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |x| std::cmp::Reverse(x.0));
            let mut std_by_key = items;
            std_by_key.sort_by_key(|x| std::cmp::Reverse(x.0));
            prop_assert_eq!(by_key, std_by_key);
        }
    }
}
