//! The records a simulator holds in memory, and the clock of their changes.

use chrono::Utc;

use crate::feed::Feed;
use crate::generate::{FIRST_LEAD_ID, FIRST_PERSON_ID, HISTORY_END};
use crate::records::{BrivityPerson, BrivityTransaction, TpContact, TpTransaction};

/// Every record of both CRMs.
pub(crate) struct World {
    /// Brivity people, in the order of their ids.
    pub(crate) brivity_people: Vec<BrivityPerson>,
    /// Brivity transactions, in the order of their ids.
    pub(crate) brivity_transactions: Vec<BrivityTransaction>,
    /// The id the next Brivity person takes (ids are never reused, even after a deletion).
    pub(crate) next_person_id: u64,
    pub(crate) next_lead_id: u64,
    pub(crate) tp_contacts: Feed<TpContact>,
    pub(crate) tp_transactions: Feed<TpTransaction>,
    /// The latest `updatedAt` given to a Top Producer record.
    clock: i64,
}

impl World {
    pub(crate) fn new(
        brivity_people: Vec<BrivityPerson>,
        brivity_transactions: Vec<BrivityTransaction>,
        tp_contacts: Feed<TpContact>,
        tp_transactions: Feed<TpTransaction>,
    ) -> World {
        let next_person_id = brivity_people.last().map_or(FIRST_PERSON_ID, |p| p.id + 1);
        let next_lead_id = FIRST_LEAD_ID + brivity_people.len() as u64;
        let clock = [tp_contacts.latest(), tp_transactions.latest()].into_iter().flatten().fold(HISTORY_END, i64::max);
        World {
            brivity_people,
            brivity_transactions,
            next_person_id,
            next_lead_id,
            tp_contacts,
            tp_transactions,
            clock,
        }
    }

    /// The `updatedAt` of the next batch of changes: now, or a second after the last batch if
    /// that is later. Every batch is strictly later than the one before, so a client that asks
    /// for changes after the latest `updatedAt` it saw misses none.
    pub(crate) fn tick(&mut self) -> i64 {
        self.clock = Utc::now().timestamp().max(self.clock + 1);
        self.clock
    }

    /// Page `page` (from 1) of `limit` Brivity people; empty past the end.
    pub(crate) fn brivity_people_page(&self, page: u64, limit: u64) -> &[BrivityPerson] {
        page_of(&self.brivity_people, page, limit)
    }

    /// Page `page` (from 1) of `limit` Brivity transactions; empty past the end.
    pub(crate) fn brivity_transactions_page(&self, page: u64, limit: u64) -> &[BrivityTransaction] {
        page_of(&self.brivity_transactions, page, limit)
    }
}

fn page_of<T>(items: &[T], page: u64, limit: u64) -> &[T] {
    let start = page.saturating_sub(1).saturating_mul(limit);
    let Ok(start) = usize::try_from(start) else { return &[] };
    if start >= items.len() {
        return &[];
    }
    let end = start.saturating_add(usize::try_from(limit).unwrap_or(usize::MAX)).min(items.len());
    &items[start..end]
}

#[cfg(test)]
mod tests {
    use super::page_of;

    #[test]
    fn pages_cover_the_list_then_come_back_empty() {
        let items: Vec<u32> = (0..7).collect();
        assert_eq!(page_of(&items, 1, 3), [0, 1, 2]);
        assert_eq!(page_of(&items, 3, 3), [6]);
        assert!(page_of(&items, 4, 3).is_empty());
        assert!(page_of(&items, u64::MAX, 500).is_empty());
    }
}
