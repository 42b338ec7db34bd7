"""Teaches schemathesis the two string formats of the CRM's OpenAPI document that no regular
expression can state (loaded by scripts/schemathesis.sh through SCHEMATHESIS_HOOKS).

- `filter`: the filter grammar (`field[op]:value`, `,` for and, `or(...)` groups; see
  crm-api/src/filter.rs). Valid expressions are generated over the fields every entity has
  (`id`, `created_at`, `updated_at`), with every comparison operator, lists and groups.
- `cursor`: an opaque value that only the server makes (a page's `next_cursor`). No value can
  be generated that the server would take but the empty one, which means no cursor.
"""

from hypothesis import strategies as st

import schemathesis

_SPACE = st.sampled_from(["", " "])
_ID = st.integers(min_value=0, max_value=2**53).map(str)
_TIME = st.one_of(
    st.dates().map(lambda d: f'"{d.isoformat()}"'),
    st.datetimes(timezones=st.just(__import__("datetime").timezone.utc)).map(
        lambda t: '"' + t.isoformat().replace("+00:00", "Z") + '"'
    ),
)
_FIELDS = {"id": _ID, "created_at": _TIME, "updated_at": _TIME}
_OPS = ["eq", "neq", "gt", "gte", "lt", "lte"]


@st.composite
def _condition(draw):
    field = draw(st.sampled_from(sorted(_FIELDS)))
    values = _FIELDS[field]
    if draw(st.booleans()) and draw(st.booleans()):
        items = draw(st.lists(values, min_size=1, max_size=5))
        return f"{field}[in]:({','.join(items)})"
    return f"{field}[{draw(st.sampled_from(_OPS))}]:{draw(values)}"


def _terms(term):
    return st.lists(term, min_size=1, max_size=4).map(",".join)


_GROUP = _terms(_condition()).map(lambda inner: f"or({inner})")
_FILTER = st.one_of(st.just(""), _terms(st.one_of(_condition(), _GROUP)))

schemathesis.openapi.format("filter", _FILTER)
schemathesis.openapi.format("cursor", st.just(""))
