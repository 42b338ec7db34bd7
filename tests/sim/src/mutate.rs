//! Changes between two syncs: edits, deletions and additions of one source's people or
//! contacts ([`Mutation`]), and which records they touched ([`MutationReport`]).

use serde::{Deserialize, Serialize};

use crate::generate::{brivity_person, phone, postal_code, tp_contact, tp_status};
use crate::pools::{BRIVITY_STATUSES, PLACES};
use crate::records::{BrivityPerson, tp_contact_id};
use crate::rng::Rng;
use crate::world::World;

/// One of the two simulated CRMs. As JSON: `"brivity"` or `"topproducer"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Brivity, under `/brivity`.
    #[default]
    Brivity,
    /// Top Producer, under `/topproducer`.
    TopProducer,
}

/// Changes to the people (Brivity) or contacts (Top Producer) of one source. Transactions are
/// left as they are, so a deal may then name a person who is gone.
///
/// - `edit` records get a new phone number, and some a new status and (Brivity) a new city;
///   on Top Producer their `updatedAt` moves to the time of the mutation.
/// - `delete` other records go: a Brivity person leaves the list; a Top Producer contact gets
///   `deletedAt` (and `updatedAt`) set to the time of the mutation and stays in the feed.
/// - `add` new records are made, with ids above any given before. Each new Brivity person is
///   sent as a `new_lead` event to every webhook subscription.
///
/// The records touched are drawn from `seed`: the same mutation of the same records touches
/// the same ones. Counts beyond what exists are cut to what exists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mutation {
    /// Whose records change.
    pub source: Source,
    /// How many records to edit.
    pub edit: usize,
    /// How many other records to delete.
    pub delete: usize,
    /// How many new records to add.
    pub add: usize,
    /// Draws which records change and what they become.
    pub seed: u64,
}

/// The remote ids a mutation touched, as strings (`"1042"` for Brivity, `"c-1042"` for Top
/// Producer), each list in the order of the ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MutationReport {
    /// The records edited.
    pub edited: Vec<String>,
    /// The records deleted.
    pub deleted: Vec<String>,
    /// The records added.
    pub added: Vec<String>,
}

/// The stream of a mutation's seed (apart from those that generate the world).
const MUTATION_STREAM: u64 = 100;

/// Applies `m` to `world`; answers what it touched and the Brivity people it added.
pub(crate) fn apply(world: &mut World, m: &Mutation) -> (MutationReport, Vec<BrivityPerson>) {
    let mut rng = Rng::new(m.seed, MUTATION_STREAM + m.source as u64);
    match m.source {
        Source::Brivity => brivity(world, m, &mut rng),
        Source::TopProducer => (top_producer(world, m, &mut rng), Vec::new()),
    }
}

fn brivity(world: &mut World, m: &Mutation, rng: &mut Rng) -> (MutationReport, Vec<BrivityPerson>) {
    let people = &mut world.brivity_people;
    let (edit, delete) = choose(rng, people.len(), m.edit, m.delete);
    for &i in &edit {
        let p = &mut people[i];
        p.phone_number = Some(new_phone(rng, p.phone_number.as_deref()));
        if rng.chance(0.5) {
            p.status = Some(other_than(rng, p.status, |rng| rng.weighted(BRIVITY_STATUSES)));
        }
        if rng.chance(0.5) {
            let place = loop {
                let place = rng.pick(PLACES);
                if Some(place.city) != p.city {
                    break place;
                }
            };
            p.city = Some(place.city);
            p.locality = Some(place.locality);
            p.country = Some(place.country);
            p.postal_code = Some(postal_code(rng, place));
        }
    }
    let mut report = MutationReport {
        edited: ids(edit.iter().map(|&i| people[i].id)),
        deleted: ids(delete.iter().map(|&i| people[i].id)),
        added: Vec::new(),
    };
    let mut gone = vec![false; people.len()];
    for &i in &delete {
        gone[i] = true;
    }
    let mut index = 0;
    people.retain(|_| {
        index += 1;
        !gone[index - 1]
    });

    let mut added = Vec::with_capacity(m.add);
    for _ in 0..m.add {
        let person = brivity_person(rng, world.next_person_id, world.next_lead_id);
        world.next_person_id += 1;
        world.next_lead_id += 1;
        report.added.push(person.id.to_string());
        world.brivity_people.push(person.clone());
        added.push(person);
    }
    (report, added)
}

fn top_producer(world: &mut World, m: &Mutation, rng: &mut Rng) -> MutationReport {
    let at = world.tick();
    let live: Vec<u64> = world.tp_contacts.iter().filter(|c| c.deleted_at.is_none()).map(|c| c.id).collect();
    let (edit, delete) = choose(rng, live.len(), m.edit, m.delete);
    let (edit, delete): (Vec<u64>, Vec<u64>) =
        (edit.iter().map(|&i| live[i]).collect(), delete.iter().map(|&i| live[i]).collect());
    for &number in &edit {
        world.tp_contacts.update(number, |c| {
            c.phone = Some(new_phone(rng, c.phone.as_deref()));
            if rng.chance(0.5) {
                c.status = Some(other_than(rng, c.status, tp_status));
            }
            c.updated_at = at;
        });
    }
    for &number in &delete {
        world.tp_contacts.update(number, |c| {
            c.deleted_at = Some(at);
            c.updated_at = at;
        });
    }
    let mut added = Vec::with_capacity(m.add);
    for _ in 0..m.add {
        let number = world.tp_contacts.next_number();
        world.tp_contacts.push(tp_contact(rng, number, at));
        added.push(tp_contact_id(number));
    }
    MutationReport {
        edited: edit.into_iter().map(tp_contact_id).collect(),
        deleted: delete.into_iter().map(tp_contact_id).collect(),
        added,
    }
}

/// Which of `n` records to edit and which to delete: distinct, each list in increasing order.
fn choose(rng: &mut Rng, n: usize, edit: usize, delete: usize) -> (Vec<usize>, Vec<usize>) {
    let edit = edit.min(n);
    let delete = delete.min(n - edit);
    let mut all: Vec<usize> = (0..n).collect();
    rng.sample_front(&mut all, edit + delete);
    let mut edited = all[..edit].to_vec();
    let mut deleted = all[edit..edit + delete].to_vec();
    edited.sort_unstable();
    deleted.sort_unstable();
    (edited, deleted)
}

/// A phone number other than `old`.
fn new_phone(rng: &mut Rng, old: Option<&str>) -> String {
    loop {
        let p = phone(rng);
        if Some(p.as_str()) != old {
            return p;
        }
    }
}

/// A value drawn by `draw` other than `old` (the lists drawn from hold several values).
fn other_than(rng: &mut Rng, old: Option<&'static str>, draw: impl Fn(&mut Rng) -> &'static str) -> &'static str {
    loop {
        let v = draw(rng);
        if Some(v) != old {
            return v;
        }
    }
}

fn ids(ids: impl Iterator<Item = u64>) -> Vec<String> {
    ids.map(|id| id.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SimConfig;
    use crate::generate;

    #[test]
    fn a_brivity_mutation_edits_deletes_and_adds_distinct_people() {
        let mut world = generate::world(&SimConfig { people: 50, ..SimConfig::default() });
        let before: Vec<String> = world.brivity_people.iter().map(|p| p.id.to_string()).collect();
        let m = Mutation { source: Source::Brivity, edit: 5, delete: 3, add: 2, seed: 9 };
        let (report, added) = apply(&mut world, &m);
        assert_eq!((report.edited.len(), report.deleted.len(), report.added.len()), (5, 3, 2));
        assert!(report.edited.iter().all(|id| !report.deleted.contains(id)));
        assert!(report.deleted.iter().all(|id| before.contains(id)));
        assert_eq!(report.added, ["1050", "1051"]);
        assert_eq!(added.len(), 2);
        assert_eq!(world.brivity_people.len(), 49);
    }

    #[test]
    fn counts_beyond_the_records_are_cut() {
        let mut world = generate::world(&SimConfig { people: 4, ..SimConfig::default() });
        let m = Mutation { source: Source::TopProducer, edit: 3, delete: 3, add: 0, seed: 1 };
        let (report, _) = apply(&mut world, &m);
        assert_eq!((report.edited.len(), report.deleted.len()), (3, 1));
    }
}
