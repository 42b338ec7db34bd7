//! The words generated records are drawn from: names (some accented, each with the plain
//! ASCII form an email address uses), places, sources, statuses, stages and tags of both
//! CRMs, with the rare odd values real data holds. Weights are relative.

/// First names, as written and as an email address spells them.
pub(crate) const FIRST_NAMES: &[(&str, &str)] = &[
    ("Ann", "ann"),
    ("James", "james"),
    ("Maria", "maria"),
    ("Robert", "robert"),
    ("Linda", "linda"),
    ("Michael", "michael"),
    ("Patricia", "patricia"),
    ("David", "david"),
    ("Jennifer", "jennifer"),
    ("William", "william"),
    ("Elizabeth", "elizabeth"),
    ("Richard", "richard"),
    ("Susan", "susan"),
    ("Joseph", "joseph"),
    ("Jessica", "jessica"),
    ("Thomas", "thomas"),
    ("Sarah", "sarah"),
    ("Christopher", "christopher"),
    ("Karen", "karen"),
    ("Daniel", "daniel"),
    ("Nancy", "nancy"),
    ("Matthew", "matthew"),
    ("Lisa", "lisa"),
    ("Anthony", "anthony"),
    ("Betty", "betty"),
    ("Mark", "mark"),
    ("Emily", "emily"),
    ("Steven", "steven"),
    ("Ashley", "ashley"),
    ("Kevin", "kevin"),
    ("Olivia", "olivia"),
    ("Brian", "brian"),
    ("Emma", "emma"),
    ("Liam", "liam"),
    ("Sophia", "sophia"),
    ("Noah", "noah"),
    ("Mei", "mei"),
    ("Wei", "wei"),
    ("Priya", "priya"),
    ("Arjun", "arjun"),
    ("Fatima", "fatima"),
    ("Omar", "omar"),
    ("Aisha", "aisha"),
    ("Kenji", "kenji"),
    ("Yuki", "yuki"),
    ("José", "jose"),
    ("Zoë", "zoe"),
    ("Renée", "renee"),
    ("François", "francois"),
    ("Chloé", "chloe"),
    ("Björn", "bjorn"),
    ("Søren", "soren"),
    ("Inés", "ines"),
    ("Łukasz", "lukasz"),
    ("Mónica", "monica"),
    ("Raúl", "raul"),
    ("Siobhán", "siobhan"),
    ("Dmitri", "dmitri"),
    ("Ngozi", "ngozi"),
    ("Thảo", "thao"),
];

/// Last names, as written and as an email address spells them.
pub(crate) const LAST_NAMES: &[(&str, &str)] = &[
    ("Lee", "lee"),
    ("Smith", "smith"),
    ("Johnson", "johnson"),
    ("Williams", "williams"),
    ("Brown", "brown"),
    ("Jones", "jones"),
    ("Miller", "miller"),
    ("Davis", "davis"),
    ("Wilson", "wilson"),
    ("Anderson", "anderson"),
    ("Taylor", "taylor"),
    ("Thomas", "thomas"),
    ("Moore", "moore"),
    ("Martin", "martin"),
    ("Jackson", "jackson"),
    ("Thompson", "thompson"),
    ("White", "white"),
    ("Harris", "harris"),
    ("Clark", "clark"),
    ("Lewis", "lewis"),
    ("Robinson", "robinson"),
    ("Walker", "walker"),
    ("Young", "young"),
    ("Allen", "allen"),
    ("King", "king"),
    ("Wright", "wright"),
    ("Scott", "scott"),
    ("Hill", "hill"),
    ("Green", "green"),
    ("Adams", "adams"),
    ("Nguyen", "nguyen"),
    ("Patel", "patel"),
    ("Kim", "kim"),
    ("Chen", "chen"),
    ("Wang", "wang"),
    ("Singh", "singh"),
    ("Khan", "khan"),
    ("Cohen", "cohen"),
    ("O'Brien", "obrien"),
    ("Smith-Jones", "smithjones"),
    ("van der Berg", "vanderberg"),
    ("García", "garcia"),
    ("Martínez", "martinez"),
    ("Hernández", "hernandez"),
    ("López", "lopez"),
    ("Núñez", "nunez"),
    ("Müller", "muller"),
    ("Schröder", "schroder"),
    ("Dubois", "dubois"),
    ("Lefèvre", "lefevre"),
    ("Çelik", "celik"),
    ("Øverland", "overland"),
    ("Kowalczyk", "kowalczyk"),
    ("Sørensen", "sorensen"),
    ("Đặng", "dang"),
];

/// Domains of generated email addresses: all reserved for examples, so no address is real.
pub(crate) const EMAIL_DOMAINS: &[&str] =
    &["example.com", "example.net", "example.org", "mail.example.com", "inbox.example.net", "homes.example"];

/// Area codes of generated phone numbers (the numbers themselves are 555-01xx, kept for fiction).
pub(crate) const AREA_CODES: &[&str] = &["512", "737", "212", "415", "303", "206", "305", "617", "416", "604"];

/// A place: city, state or province, country, and the start of its postal codes.
#[derive(Clone, Copy)]
pub(crate) struct Place {
    pub(crate) city: &'static str,
    pub(crate) locality: &'static str,
    pub(crate) country: &'static str,
    pub(crate) postal_prefix: &'static str,
}

const fn place(
    city: &'static str,
    locality: &'static str,
    country: &'static str,
    postal_prefix: &'static str,
) -> Place {
    Place { city, locality, country, postal_prefix }
}

/// Cities, mostly in the United States, a few in Canada (postal codes in their format).
pub(crate) const PLACES: &[Place] = &[
    place("Austin", "TX", "US", "787"),
    place("Round Rock", "TX", "US", "786"),
    place("Dallas", "TX", "US", "752"),
    place("Houston", "TX", "US", "770"),
    place("San Antonio", "TX", "US", "782"),
    place("Denver", "CO", "US", "802"),
    place("Boulder", "CO", "US", "803"),
    place("Seattle", "WA", "US", "981"),
    place("Portland", "OR", "US", "972"),
    place("San Francisco", "CA", "US", "941"),
    place("San José", "CA", "US", "951"),
    place("Los Angeles", "CA", "US", "900"),
    place("Phoenix", "AZ", "US", "850"),
    place("Miami", "FL", "US", "331"),
    place("Orlando", "FL", "US", "328"),
    place("Atlanta", "GA", "US", "303"),
    place("Nashville", "TN", "US", "372"),
    place("Chicago", "IL", "US", "606"),
    place("Boston", "MA", "US", "021"),
    place("New York", "NY", "US", "100"),
    place("Brooklyn", "NY", "US", "112"),
    place("Toronto", "ON", "CA", "M5V"),
    place("Vancouver", "BC", "CA", "V6B"),
    place("Montréal", "QC", "CA", "H2X"),
];

/// Street names and their kinds, for `12 Oak Ave`.
pub(crate) const STREETS: &[&str] = &[
    "Oak",
    "Maple",
    "Cedar",
    "Main",
    "Elm",
    "Pine",
    "Lakeview",
    "Sunset",
    "Highland",
    "Willow",
    "Park",
    "River",
    "Hillcrest",
    "Church",
    "Mill",
    "Magnolia",
    "Peachtree",
    "Bluebonnet",
    "Juniper",
    "Aspen",
];
pub(crate) const STREET_KINDS: &[&str] = &["St", "Ave", "Rd", "Ln", "Dr", "Blvd", "Ct", "Way", "Pl"];

/// Employers, for the few records that name one.
pub(crate) const COMPANIES: &[&str] = &[
    "Acme Holdings",
    "Northwind Traders",
    "Contoso Ltd",
    "Fabrikam Inc",
    "Blue Ridge Capital",
    "Lakeside Dental",
    "Summit Builders LLC",
    "Café Olé",
    "City of Austin",
    "Self-employed",
];

/// Job titles, for the few records that name one.
pub(crate) const JOB_TITLES: &[&str] =
    &["Engineer", "Teacher", "Nurse", "Attorney", "Owner", "Accountant", "Physician", "Sales Manager", "Retired"];

/// Where a lead came from, with a rare odd value (about 1%).
pub(crate) const SOURCES: &[(&str, u32)] = &[
    ("Zillow", 30),
    ("Realtor.com", 20),
    ("Website", 22),
    ("Open House", 12),
    ("Referral", 15),
    ("Carrier Pigeon", 1),
];
/// The other odd sources, drawn in place of `Carrier Pigeon` now and then.
pub(crate) const ODD_SOURCES: &[&str] = &["Carrier Pigeon", "Billboard on I-35", "Psychic Hotline", "Door Knocking"];

/// Brivity lead statuses, with about 1% of a status no mapping knows.
pub(crate) const BRIVITY_STATUSES: &[(&str, u32)] =
    &[("active", 35), ("new", 25), ("nurture", 20), ("closed", 10), ("archived", 9), ("zombie", 1)];

/// Brivity stages and stage types.
pub(crate) const BRIVITY_STAGES: &[&str] = &["Hot", "Warm", "Cold", "New", "Nurture", "Watch", "Past Client"];
pub(crate) const BRIVITY_STAGE_TYPES: &[&str] = &["lead", "lead", "lead", "prospect", "client"];

/// Kinds of person, with the lower-case `lead_type` Brivity pairs with each.
pub(crate) const TYPES: &[(&str, &str)] =
    &[("Buyer", "buyer"), ("Seller", "seller"), ("Renter", "renter"), ("Investor", "investor")];

/// Free-text notes, for the few records that have one.
pub(crate) const DESCRIPTIONS: &[&str] = &[
    "Looking for a 3-bedroom near good schools.",
    "Wants to downsize now that the kids have moved out.",
    "Relocating for work in the spring.",
    "Pre-approved up to $450k.",
    "Call after 5pm; prefers texts.",
    "Interested in multi-family properties.",
    "Met at the open house on Elm St. Très sympathique.",
    "Needs a yard for two dogs \u{1F415}.",
];

/// Tags, zero to three per record.
pub(crate) const TAGS: &[&str] = &[
    "vip",
    "first-time buyer",
    "investor",
    "relocation",
    "luxury",
    "downsizing",
    "pre-approved",
    "cash buyer",
    "open house",
    "past client",
    "sphere",
];

/// Top Producer contact statuses, with about 1% of a status no mapping knows.
pub(crate) const TP_STATUSES: &[(&str, u32)] =
    &[("Active", 35), ("New", 25), ("Nurture", 20), ("Past Client", 10), ("Archived", 9), ("Unknown-X", 1)];
/// The statuses drawn in place of `Unknown-X`.
pub(crate) const TP_ODD_STATUSES: &[&str] = &["Unknown-7", "Unknown-42", "Unknown-X"];

/// Top Producer transaction stages, with a rare one no mapping knows.
pub(crate) const TP_STAGES: &[(&str, u32)] = &[
    ("Prospect", 25),
    ("Showing", 20),
    ("Offer", 15),
    ("Under Contract", 15),
    ("Closed", 15),
    ("Lost", 9),
    ("Pending Approval (Legacy)", 1),
];

/// Brivity transaction statuses.
pub(crate) const BRIVITY_DEAL_STATUSES: &[(&str, u32)] =
    &[("active", 35), ("pending", 25), ("closed", 30), ("cancelled", 10)];

/// Brivity transaction kinds.
pub(crate) const TRANSACTION_TYPES: &[(&str, u32)] = &[("buyer", 55), ("seller", 40), ("lease", 5)];

/// Currencies of Top Producer amounts.
pub(crate) const CURRENCIES: &[(&str, u32)] = &[("USD", 90), ("CAD", 10)];
