//! `loyal lookup`: ranked matches as an aligned table (terminal-safe), CSV or JSON.

use super::Context;
use super::format::OutputFormat;
use crate::service::LookupHit;
use crate::text::fit;
use crate::transfer::format_timestamp;

pub fn run(
    context: &Context,
    query: &str,
    format: OutputFormat,
    limit: usize,
) -> anyhow::Result<()> {
    let service = context.open()?;
    let hits = service.lookup(query, limit)?;
    match format {
        OutputFormat::Json => super::print_json(&service, &hits)?,
        OutputFormat::Csv => super::format::print_csv(
            &[
                "customer_id",
                "name",
                "phone",
                "city",
                "order_count",
                "last_order_at",
                "match",
                "field",
                "matched",
            ],
            hits.iter().map(|hit| {
                let c = &hit.customer;
                [
                    c.external_id.clone(),
                    c.name.clone(),
                    c.phones.join("; "),
                    c.city.clone().unwrap_or_default(),
                    c.order_count.to_string(),
                    c.last_order_at.map(format_timestamp).unwrap_or_default(),
                    hit.kind.label().to_string(),
                    hit.field.clone(),
                    hit.matched.clone(),
                ]
            }),
        )?,
        OutputFormat::Table if !hits.is_empty() => print_hits(&hits),
        OutputFormat::Table => {}
    }
    // No match is a failure, as with grep and rg: `loyal lookup x && ...` must not go on.
    if hits.is_empty() {
        return Err(super::exit::NothingFound(Some(t!(
            "cli-no-match",
            query = format!("{:?}", crate::text::sanitize(query))
        )))
        .into());
    }
    Ok(())
}

fn print_hits(hits: &[LookupHit]) {
    println!(
        "{} {} {} {} {} {} {}",
        fit(ts!("cli-lookup-id"), 12),
        fit(ts!("cli-lookup-name"), 18),
        fit(ts!("cli-lookup-phone"), 18),
        fit(ts!("cli-lookup-city"), 10),
        fit(ts!("cli-lookup-orders"), 6),
        fit(ts!("cli-lookup-last-order"), 10),
        ts!("cli-lookup-match"),
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
            hit.field_title(),
            crate::text::sanitize(&hit.matched),
        );
    }
}
