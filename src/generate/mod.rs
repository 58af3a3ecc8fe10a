//! `loyal gen`: a deterministic, realistic data set in the import formats. Spend follows a
//! heavy-tailed (Pareto) pattern with varied purchase rhythms, so RFM tables look like a real
//! shop's; follow-ups, care plans and complaints come in every state.

mod activity;
mod baskets;
mod names;

use crate::domain::{Channel, Customer, CustomerStatus, Gender, Millis, Money, Order};
use crate::transfer::{CustomerRow, Kind, OrderRow, columns_of};
use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use names::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::{Path, PathBuf};

pub const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone, Args)]
pub struct GenArgs {
    /// How many customers
    #[arg(long, default_value_t = 300)]
    pub customers: u64,
    /// How many orders, spread over the customers
    #[arg(long, default_value_t = 3000)]
    pub orders: u64,
    /// The random seed: the same seed makes the same data
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The last day of the generated history (orders span the two years before it): a date
    /// or an offset (-30d)
    #[arg(long, default_value = "2026-11-20", value_parser = end_date, allow_hyphen_values = true)]
    pub end: NaiveDate,
    /// Directory for customers.csv, orders.csv, followups.csv, care-plans.csv, complaints.csv
    #[arg(long)]
    pub out: PathBuf,
    /// The share of customers who have ordered (0 to 1)
    #[arg(long, default_value_t = 0.88, value_parser = share)]
    pub buyers: f64,
    /// How unevenly orders spread over the buyers: the Pareto alpha of their weights (smaller
    /// is more skewed; 1.2 is about 80/20)
    #[arg(long, default_value_t = 1.2, value_parser = alpha)]
    pub skew: f64,
}

fn share(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(t!("gen-share-range")),
    }
}

fn alpha(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if (0.1..=10.0).contains(&v) => Ok(v),
        _ => Err(t!("gen-skew-range")),
    }
}

/// `--end` as any other date option reads it (`2026-11-20`, `-30d`, `yesterday`).
fn end_date(text: &str) -> Result<NaiveDate, String> {
    crate::workflow::parse_when(text, chrono::Local::now().date_naive())
}

/// What one generated customer looks like beyond its file.
pub(crate) struct Profile {
    pub external_id: String,
    pub created_at: Millis,
    /// Order times of this customer, sorted.
    pub orders: Vec<Millis>,
    pub birthday: Option<NaiveDate>,
}

fn writer(
    dir: &Path,
    kind: Kind,
) -> anyhow::Result<csv::Writer<std::io::BufWriter<std::fs::File>>> {
    let path = dir.join(format!("{}.csv", kind.label()));
    let file = std::fs::File::create(&path)
        .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(std::io::BufWriter::with_capacity(1 << 20, file));
    w.write_record(columns_of(kind))?;
    Ok(w)
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    // Box-Muller.
    let u1: f64 = rng.random::<f64>().max(1e-12);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

pub fn run(args: &GenArgs) -> anyhow::Result<()> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| t!("cannot-create", path = args.out.display().to_string()))?;
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let end: Millis = args
        .end
        .and_hms_opt(18, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp_millis());
    let span = 730 * DAY_MS;
    let n = args.customers.max(1);

    // Who buys how often: by default 12% never ordered (prospects and targets); the rest get
    // one order each, and the remaining orders go by a Pareto weight (alpha 1.2: about 80/20).
    let mut weights: Vec<f64> = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let buyer = rng.random_bool(args.buyers);
        let u: f64 = rng.random::<f64>().max(1e-9);
        weights.push(if buyer { u.powf(-1.0 / args.skew) } else { 0.0 });
    }
    let mut counts: Vec<u32> = weights.iter().map(|w| u32::from(*w > 0.0)).collect();
    let buyers: u64 = counts.iter().map(|c| u64::from(*c)).sum();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut acc = 0.0;
    for w in &weights {
        acc += w.min(200.0);
        cumulative.push(acc);
    }
    for _ in 0..args.orders.saturating_sub(buyers) {
        let x = rng.random::<f64>() * acc;
        let i = cumulative.partition_point(|c| *c < x).min(counts.len() - 1);
        counts[i] += 1;
    }

    let mut customers_out = writer(&args.out, Kind::Customers)?;
    let mut orders_out = writer(&args.out, Kind::Orders)?;
    let mut profiles: Vec<Profile> = Vec::with_capacity(n as usize);
    let mut order_seq = 0u64;
    for i in 0..n {
        let (name, chinese) = person(&mut rng);
        let external_id = format!("C-{:06}", i + 1);
        let count = counts[i as usize];
        // Purchase window: starts somewhere in the two years; a third stop early (churn).
        let start = end - span + (rng.random::<f64>() * 0.95 * span as f64) as i64;
        let churner = rng.random_bool(0.3);
        let stop = if churner {
            start + ((end - start) as f64 * rng.random_range(0.2..0.7)) as i64
        } else {
            end
        };
        let mut times: Vec<Millis> = Vec::with_capacity(count as usize);
        if count > 0 {
            let period = (stop - start) as f64 / f64::from(count);
            for j in 0..count {
                let jitter = (rng.random::<f64>() - 0.5) * 0.4 * period;
                let t = start + (period * f64::from(j) + period * 0.5 + jitter) as i64;
                times.push(t.clamp(start, end) / 60_000 * 60_000);
            }
            times.sort_unstable();
        }
        let created_at = times.first().copied().unwrap_or(start) - rng.random_range(0..60) * DAY_MS;

        let mut c = Customer::new(external_id.clone(), name.clone(), created_at);
        c.phones.push(phone(&mut rng, i, chinese, false));
        if rng.random_bool(0.1) {
            c.phones.push(phone(&mut rng, i, chinese, true));
        }
        if rng.random_bool(0.7) {
            c.email = Some(email(&mut rng, &name, i + 1));
        }
        if rng.random_bool(0.35) {
            c.company = Some(pick(&mut rng, COMPANIES).to_string());
        }
        c.city = Some(pick(&mut rng, if chinese { CN_CITIES } else { LATIN_CITIES }).to_string());
        if rng.random_bool(0.7) {
            let year = rng.random_range(1955..2004);
            c.birthday =
                NaiveDate::from_ymd_opt(year, rng.random_range(1..=12), rng.random_range(1..=28));
            if rng.random_bool(0.01) {
                c.birthday = NaiveDate::from_ymd_opt(2000, 2, 29);
            }
        }
        if rng.random_bool(0.8) {
            c.gender = Some(if rng.random_bool(0.5) {
                Gender::Female
            } else {
                Gender::Male
            });
        }
        for _ in 0..rng.random_range(0..3) {
            let tag = pick(&mut rng, TAGS).to_string();
            if !c.tags.contains(&tag) {
                c.tags.push(tag);
            }
        }
        if rng.random_bool(0.5) {
            c.personality = pick(&mut rng, PERSONALITY).to_string();
            c.interests = pick(&mut rng, INTERESTS).to_string();
            c.habits = pick(&mut rng, HABITS).to_string();
        }
        c.preferred_channel = Some(
            *[
                Channel::Phone,
                Channel::Chat,
                Channel::Email,
                Channel::Sms,
                Channel::Visit,
            ]
            .get(rng.random_range(0..5))
            .unwrap_or(&Channel::Phone),
        );
        c.owner = Some(pick(&mut rng, STAFF).to_string());
        let referrer = (i > 10 && rng.random_bool(0.15)).then(|| {
            // Referrers are mostly good customers: sample a few earlier ones, keep the best.
            (0..4)
                .map(|_| rng.random_range(0..i))
                .max_by_key(|j| counts[*j as usize])
                .unwrap_or(0)
        });
        let last = times.last().copied();
        if churner && last.is_some_and(|l| end - l > 200 * DAY_MS) && rng.random_bool(0.5) {
            c.status = CustomerStatus::Churned;
            c.churn_reason = Some(
                pick(
                    &mut rng,
                    &[
                        "moved away",
                        "found a cheaper supplier",
                        "unhappy with delivery",
                        "stopped drinking coffee",
                    ],
                )
                .to_string(),
            );
        }
        if i == 7 {
            // Untrusted text: a name and a note holding terminal escape sequences, as pasted
            // from a malicious web form. Every screen must show them escaped.
            c.habits = String::from("pasted from web form: \u{1b}]0;pwned\u{7}\u{1b}[2J");
        }

        let base = (4.3 + 0.8 * normal(&mut rng)).exp().clamp(5.0, 5000.0);
        let mut basket = baskets::Basket::new(args.seed, i);
        for t in &times {
            order_seq += 1;
            let (category, item) = basket.next(ITEMS[rng.random_range(0..ITEMS.len())]);
            let amount = (base * rng.random_range(0.5..1.5) * 100.0).round() as i64;
            let order = Order {
                order_id: format!("O-{order_seq:08}"),
                customer: 0,
                ordered_at: *t,
                amount: Money(amount),
                items: Some(item.to_string()),
                category: Some(category.to_string()),
                channel: Some(pick(&mut rng, &["online", "store", "phone", "wechat"]).to_string()),
            };
            orders_out.serialize(OrderRow::new(&order, external_id.clone()))?;
        }
        let referrer_id = referrer.map(|j| format!("C-{:06}", j + 1));
        customers_out.serialize(CustomerRow::new(&c, referrer_id))?;
        profiles.push(Profile {
            external_id,
            created_at,
            orders: times,
            birthday: c.birthday,
        });
    }
    customers_out.flush()?;
    orders_out.flush()?;
    activity::write(&args.out, &mut rng, &profiles, end)?;
    eprintln!(
        "wrote {} customers and {order_seq} orders (seed {}) to {}",
        profiles.len(),
        args.seed,
        args.out.display()
    );
    Ok(())
}
