//! Helpers shared by the integration tests: a service on a fresh temporary database, and
//! importing CSV text the way the CLI does.

#![allow(dead_code)]

pub mod cli;
pub mod tmux;

use loyal::service::{ImportOptions, ImportReport, Service, ServiceError};
use loyal::store::StoreOptions;
use loyal::transfer::{self, Format, Kind};
use tempfile::TempDir;

pub struct TestDb {
    pub dir: TempDir,
    pub service: Service,
}

impl TestDb {
    pub fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let service =
            Service::open(&dir.path().join("test.redb"), &StoreOptions::creating()).expect("open");
        TestDb { dir, service }
    }

    pub fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("test.redb")
    }

    pub fn import(
        &self,
        kind: Kind,
        csv: &str,
        options: ImportOptions,
    ) -> Result<ImportReport, ServiceError> {
        import_into(&self.service, kind, csv, Format::Csv, options)
    }

    /// Imports `csv` expecting it to be refused whole; the row errors.
    pub fn rejected(&self, kind: Kind, csv: &str) -> Vec<loyal::transfer::RowError> {
        match self.import(kind, csv, ImportOptions::default()) {
            Err(ServiceError::Rejected(errors)) => errors,
            Err(other) => panic!("expected a rejection, got {other}"),
            Ok(report) => panic!("expected a rejection, got {report:?}"),
        }
    }

    pub fn import_ok(&self, kind: Kind, csv: &str) -> ImportReport {
        self.import(kind, csv, ImportOptions::default())
            .expect("import")
    }

    /// What a save waiting for the write lock does (see `loyal::store::WaitProbe`): a shared
    /// lock on the file beside the database, held while the returned file is.
    pub fn announce_waiting(&self) -> std::fs::File {
        let mut name = self.path().into_os_string();
        name.push(".waiting");
        let waiting = std::fs::File::create(&name).expect("waiting file");
        waiting.lock_shared().expect("lock");
        waiting
    }

    pub fn export(&self, kind: Kind, format: Format) -> String {
        let mut out = Vec::new();
        self.service.export(kind, format, &mut out).expect("export");
        String::from_utf8(out).expect("utf-8")
    }
}

pub fn import_into(
    service: &Service,
    kind: Kind,
    text: &str,
    format: Format,
    options: ImportOptions,
) -> Result<ImportReport, ServiceError> {
    let table = transfer::read_table(text.as_bytes(), format, kind).expect("well-formed file");
    let mut quiet = |_: u64, _: u64| {};
    match kind {
        Kind::Customers => {
            let p = transfer::parse_customers(table);
            service.import_customers(p.inputs, p.errors, options, &mut quiet)
        }
        Kind::Orders => {
            let p = transfer::parse_orders(table);
            service.import_orders(p.inputs, p.errors, options, &mut quiet)
        }
        Kind::FollowUps => {
            let p = transfer::parse_followups(&table);
            service.import_followups(p.inputs, p.errors, options, &mut quiet)
        }
        Kind::CarePlans => {
            let p = transfer::parse_care_plans(&table);
            service.import_care_plans(p.inputs, p.errors, options, &mut quiet)
        }
        Kind::Complaints => {
            let p = transfer::parse_complaints(&table);
            service.import_complaints(p.inputs, p.errors, options, &mut quiet)
        }
    }
}

/// The bundled fixtures, loaded into a fresh database.
pub fn fixture_db() -> TestDb {
    let db = TestDb::new();
    for kind in Kind::ALL {
        let path = format!(
            "{}/fixtures/{}.csv",
            env!("CARGO_MANIFEST_DIR"),
            kind.label()
        );
        let text = std::fs::read_to_string(&path).expect("fixture file");
        db.import_ok(kind, &text);
    }
    db
}

/// The rows of `fixtures/NAME.csv` as column -> value maps, read with the csv crate only (for
/// recounts that use no loyal code).
pub fn fixture_rows(name: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let path = format!("{}/fixtures/{name}.csv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

pub const CUSTOMERS: &str = "\
customer_id,name,phone,email,company,city,birthday,tags,referred_by,owner
C1,张三,+86 138-0013-8000,zhang@example.com,蓝天科技,上海,1990-05-17,vip;tea,,Alice
C2,John Smith,(555) 010-2030,john@example.com,Acme Tools,Boston,,coffee,C1,Bob
C3,María García,555.010.9999,,,Madrid,2000-02-29,,C1,
C4,李四,13912345678,,,北京,,,C2,Alice
";

pub const ORDERS: &str = "\
order_id,customer_id,ordered_at,amount,items,category,channel
O1,C1,2025-01-05,120.50,beans,coffee,online
O2,C1,2025-02-05T10:00:00+08:00,80.00,,,store
O3,C2,2025-03-01,19.99,filters,accessories,online
O4,C4,2025-03-02,0.00,sample,,store
";
