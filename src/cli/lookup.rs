//! `loyal lookup`: ranked matches as an aligned table (terminal-safe) or JSON.

use super::Context;
use crate::service::LookupHit;
use crate::text::fit;
use crate::transfer::format_timestamp;

pub fn run(context: &Context, query: &str, json: bool, limit: usize) -> anyhow::Result<()> {
    let service = context.open()?;
    let hits = service.lookup(query, limit)?;
    if json {
        super::print_json(&hits)?;
    } else if !hits.is_empty() {
        print_hits(&hits);
    }
    // No match is a failure, as with grep and rg: `loyal lookup x && ...` must not go on.
    if hits.is_empty() {
        anyhow::bail!("no customer matches {:?}", crate::text::sanitize(query));
    }
    Ok(())
}

fn print_hits(hits: &[LookupHit]) {
    println!(
        "{} {} {} {} {} {} MATCH",
        fit("ID", 12),
        fit("NAME", 18),
        fit("PHONE", 18),
        fit("CITY", 10),
        fit("ORDERS", 6),
        fit("LAST ORDER", 10),
    );
    for hit in hits {
        let c = &hit.customer;
        let last = c
            .last_order_at
            .map(|t| format_timestamp(t)[..10].to_string())
            .unwrap_or_default();
        println!(
            "{} {} {} {} {:>6} {} {} {}",
            fit(&c.external_id, 12),
            fit(&c.name, 18),
            fit(&c.phones.join(", "), 18),
            fit(c.city.as_deref().unwrap_or(""), 10),
            c.order_count,
            fit(&last, 10),
            hit.field,
            crate::text::sanitize(&hit.matched),
        );
    }
}
