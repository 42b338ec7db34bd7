//! Top Producer OAuth tokens: granted to the configured client, then counted per data request
//! so that they can expire after a number of requests ([`crate::Faults::token_ttl_requests`]).
//! Tokens do not expire with time.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::locks::lock;
use crate::rng::Rng;

/// The tokens granted, with the data requests each has made.
pub(crate) struct Tokens {
    rng: Mutex<Rng>,
    uses: Mutex<HashMap<String, u64>>,
}

/// What a data request's token is worth.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Check {
    Valid,
    /// Never granted.
    Unknown,
    /// Granted, but used up.
    Expired,
}

/// The stream of the seed tokens are drawn from.
const TOKEN_STREAM: u64 = 200;

impl Tokens {
    pub(crate) fn new(seed: u64) -> Tokens {
        Tokens { rng: Mutex::new(Rng::new(seed, TOKEN_STREAM)), uses: Mutex::default() }
    }

    /// A new token.
    pub(crate) fn grant(&self) -> String {
        let (a, b) = {
            let mut rng = lock(&self.rng);
            (rng.next_u64(), rng.next_u64())
        };
        let token = format!("tp_{a:016x}{b:016x}");
        lock(&self.uses).insert(token.clone(), 0);
        token
    }

    /// Counts a data request made with `token`, which may make `ttl` requests in all.
    pub(crate) fn spend(&self, token: &str, ttl: Option<u64>) -> Check {
        let mut uses = lock(&self.uses);
        let Some(used) = uses.get_mut(token) else { return Check::Unknown };
        if ttl.is_some_and(|ttl| *used >= ttl) {
            return Check::Expired;
        }
        *used += 1;
        Check::Valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_lasts_its_ttl_of_requests() {
        let tokens = Tokens::new(1);
        let t = tokens.grant();
        assert_ne!(t, tokens.grant());
        assert_eq!(tokens.spend(&t, Some(2)), Check::Valid);
        assert_eq!(tokens.spend(&t, Some(2)), Check::Valid);
        assert_eq!(tokens.spend(&t, Some(2)), Check::Expired);
        assert_eq!(tokens.spend("nope", None), Check::Unknown);
    }
}
