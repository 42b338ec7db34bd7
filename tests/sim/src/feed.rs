//! A Top Producer changes feed: records numbered from 1, read oldest change first, in the order
//! of `(updatedAt, number)`, from a position after a time or after the last record a page held.
//! Records are never removed (a deletion sets `deletedAt`), so the number indexes the list.

use std::collections::BTreeSet;
use std::ops::Bound;

/// Where a record sits in the feed: its `updatedAt` (seconds) and its number.
pub(crate) type Position = (i64, u64);

/// What the feed needs of a record.
pub(crate) trait Change {
    /// The number in the record's id (`c-<number>`), from 1.
    fn number(&self) -> u64;
    /// When the record last changed, in seconds since the Unix epoch.
    fn updated_at(&self) -> i64;
    /// When the record was deleted, if it was.
    fn deleted_at(&self) -> Option<i64>;

    fn position(&self) -> Position {
        (self.updated_at(), self.number())
    }
}

impl Change for crate::records::TpContact {
    fn number(&self) -> u64 {
        self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated_at
    }
    fn deleted_at(&self) -> Option<i64> {
        self.deleted_at
    }
}

impl Change for crate::records::TpTransaction {
    fn number(&self) -> u64 {
        self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated_at
    }
    fn deleted_at(&self) -> Option<i64> {
        self.deleted_at
    }
}

/// The records of one Top Producer list, and their order of change.
pub(crate) struct Feed<R> {
    records: Vec<R>,
    order: BTreeSet<Position>,
}

/// One page of a feed: its records, and the position of the last one when more follow.
pub(crate) struct Page<'a, R> {
    pub(crate) records: Vec<&'a R>,
    pub(crate) next: Option<Position>,
}

impl<R: Change> Feed<R> {
    /// A feed of `records`, numbered 1, 2, ... in this order.
    pub(crate) fn new(records: Vec<R>) -> Feed<R> {
        debug_assert!(records.iter().enumerate().all(|(i, r)| r.number() == i as u64 + 1));
        let order = records.iter().map(Change::position).collect();
        Feed { records, order }
    }

    /// The number the next record added takes.
    pub(crate) fn next_number(&self) -> u64 {
        self.records.len() as u64 + 1
    }

    pub(crate) fn get(&self, number: u64) -> Option<&R> {
        self.records.get(usize::try_from(number).ok()?.checked_sub(1)?)
    }

    /// Every record in the order of their numbers.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &R> {
        self.records.iter()
    }

    /// The latest `updatedAt` in the feed.
    pub(crate) fn latest(&self) -> Option<i64> {
        self.order.last().map(|p| p.0)
    }

    /// Adds a record, which must carry [`Feed::next_number`].
    pub(crate) fn push(&mut self, record: R) {
        debug_assert_eq!(record.number(), self.next_number());
        self.order.insert(record.position());
        self.records.push(record);
    }

    /// Changes record `number` with `change`, keeping its place in the order in step.
    pub(crate) fn update(&mut self, number: u64, change: impl FnOnce(&mut R)) -> bool {
        let Some(index) = usize::try_from(number).ok().and_then(|n| n.checked_sub(1)) else { return false };
        let Some(record) = self.records.get_mut(index) else { return false };
        self.order.remove(&record.position());
        change(record);
        self.order.insert(record.position());
        true
    }

    /// Up to `limit` records after `after` (all from the start when `None`).
    pub(crate) fn page(&self, after: Option<Position>, limit: usize) -> Page<'_, R> {
        let start = match after {
            Some(p) => Bound::Excluded(p),
            None => Bound::Unbounded,
        };
        let mut positions = self.order.range((start, Bound::Unbounded));
        let mut records = Vec::with_capacity(limit.min(self.records.len()));
        let mut last = None;
        for &(at, number) in positions.by_ref().take(limit) {
            if let Some(r) = self.get(number) {
                records.push(r);
            }
            last = Some((at, number));
        }
        let next = if positions.next().is_some() { last } else { None };
        Page { records, next }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct R(u64, i64);
    impl Change for R {
        fn number(&self) -> u64 {
            self.0
        }
        fn updated_at(&self) -> i64 {
            self.1
        }
        fn deleted_at(&self) -> Option<i64> {
            None
        }
    }

    fn numbers(page: &Page<'_, R>) -> Vec<u64> {
        page.records.iter().map(|r| r.0).collect()
    }

    #[test]
    fn pages_follow_time_then_number_and_an_update_moves_to_the_end() {
        let mut feed = Feed::new(vec![R(1, 20), R(2, 10), R(3, 10), R(4, 30)]);
        let first = feed.page(None, 2);
        assert_eq!(numbers(&first), [2, 3]);
        assert_eq!(first.next, Some((10, 3)));
        let second = feed.page(first.next, 2);
        assert_eq!(numbers(&second), [1, 4]);
        assert_eq!(second.next, None);
        assert!(feed.update(2, |r| r.1 = 40));
        assert_eq!(numbers(&feed.page(Some((30, u64::MAX)), 10)), [2]);
        assert!(!feed.update(9, |r| r.1 = 50));
        assert_eq!(feed.latest(), Some(40));
    }
}
