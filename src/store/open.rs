//! Opening a database file: multi-process mode, an explicit cache size, private file
//! permissions, and the schema-version check with migration.
//!
//! A file is created only when the caller asks ([`StoreOptions::create`]: `loyal init` and
//! `loyal demo`); every other open needs an existing, non-empty loyal database, so a mistyped
//! path is an error instead of an empty database that answers "no match". A file this process
//! may read but not write is opened read-only: reading works, writes are refused.

use super::damage;
use super::error::StoreError;
use super::reader::Reader;
use super::schema::{self, META, SAME_LAYOUT_SINCE, SCHEMA_VERSION, meta_keys};
use super::writer::Writer;
use redb::{
    ConcurrencyMode, Database, ReadOnlyDatabase, ReadableDatabase, ReadableTable, TableError,
};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// The longest pause between two attempts to take the write lock.
const MAX_LOCK_PAUSE: Duration = Duration::from_millis(8);

/// How to open the database.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Page cache of this process in bytes (redb's default of 1 GiB would multiply with every
    /// person logged in).
    pub cache_bytes: usize,
    /// Who is writing: the staff display name, recorded in the audit trail and on records.
    pub staff: String,
    /// The OS account of this process (from the real user id), recorded in the audit trail.
    pub os_user: String,
    /// Create (and initialise) the file when it does not exist yet. Off by default: only
    /// `init` and `demo` create databases.
    pub create: bool,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            cache_bytes: 64 * 1024 * 1024,
            staff: String::from("loyal"),
            os_user: String::from("unknown"),
            create: false,
        }
    }
}

impl StoreOptions {
    /// The defaults, allowed to create the file (tests, `init`, `demo`).
    pub fn creating() -> StoreOptions {
        StoreOptions {
            create: true,
            ..StoreOptions::default()
        }
    }
}

/// The open file: writable, or only readable (no write permission, a read-only mount).
pub(super) enum Db {
    ReadWrite(Database),
    ReadOnly(ReadOnlyDatabase),
}

impl Db {
    pub(super) fn readable(&self) -> &dyn ReadableDatabase {
        match self {
            Db::ReadWrite(db) => db,
            Db::ReadOnly(db) => db,
        }
    }
}

/// Page use of a database file, in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpaceStats {
    /// Pages in use (the file may be larger: it grows in regions).
    pub allocated_bytes: u64,
    /// Keys and values in leaf pages.
    pub stored_bytes: u64,
    /// Branch keys and other metadata.
    pub metadata_bytes: u64,
    /// Unused space inside allocated pages.
    pub fragmented_bytes: u64,
}

/// An open `loyal` database.
pub struct Store {
    pub(super) db: Db,
    pub(super) path: PathBuf,
    who: Who,
    /// When this process started waiting for another process's write lock (ms since the Unix
    /// epoch), or 0: lets a screen say "waiting for another writer".
    waiting_since: AtomicI64,
}

/// Who this process writes as.
#[derive(Debug, Clone)]
pub(super) struct Who {
    pub staff: String,
    pub os_user: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database at `path` in redb's multi-writer mode, so that several `loyal`
    /// processes can share it. Creates it only with [`StoreOptions::create`]; never
    /// initialises a file that exists (an empty or foreign file is an error, not a fresh
    /// database). Without write permission the file is opened read-only.
    pub fn open(path: &Path, options: &StoreOptions) -> Result<Store, StoreError> {
        damage::install_hook();
        damage::guard(path, || Store::open_unguarded(path, options))
    }

    fn open_unguarded(path: &Path, options: &StoreOptions) -> Result<Store, StoreError> {
        let open_error = |reason: String| StoreError::Open {
            path: path.to_path_buf(),
            reason,
        };
        let existing = match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(open_error(String::from(
                    "it is a directory, not a database file",
                )));
            }
            Ok(meta) if meta.len() == 0 => {
                return Err(StoreError::Empty {
                    path: path.to_path_buf(),
                });
            }
            Ok(_) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(open_error(describe_io(&e))),
        };
        if !existing {
            if !options.create {
                return Err(StoreError::Missing {
                    path: path.to_path_buf(),
                });
            }
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                create_private_dir(parent).map_err(|e| {
                    open_error(t!(
                        "store-cannot-create-dir",
                        dir = parent.display().to_string(),
                        reason = e.to_string()
                    ))
                })?;
            }
            create_private_file(path).map_err(|e| open_error(describe_io(&e)))?;
        }
        let mut builder = Database::builder();
        builder
            .set_concurrency_mode(ConcurrencyMode::MultiWriter)
            .set_cache_size(options.cache_bytes);
        let db = if existing && !writable(path) {
            Db::ReadOnly(
                builder
                    .open_read_only(path)
                    .map_err(|e| not_loyal_or(path, e))?,
            )
        } else if existing {
            Db::ReadWrite(builder.open(path).map_err(|e| not_loyal_or(path, e))?)
        } else {
            Db::ReadWrite(
                builder
                    .create(path)
                    .map_err(|e| open_error(describe_database_error(e)))?,
            )
        };
        let store = Store {
            db,
            path: path.to_path_buf(),
            waiting_since: AtomicI64::new(0),
            who: Who {
                staff: options.staff.clone(),
                os_user: options.os_user.clone(),
            },
        };
        store.check_schema(!existing)?;
        Ok(store)
    }

    /// The staff name this store was opened with (recorded on what it writes).
    pub fn staff(&self) -> &str {
        &self.who.staff
    }

    /// The OS account this store was opened by.
    pub fn os_user(&self) -> &str {
        &self.who.os_user
    }

    /// True when this process can only read the file (writes are refused).
    pub fn is_read_only(&self) -> bool {
        matches!(self.db, Db::ReadOnly(_))
    }

    /// The writable database, or why there is none.
    fn writable_db(&self) -> Result<&Database, StoreError> {
        match &self.db {
            Db::ReadWrite(db) => Ok(db),
            Db::ReadOnly(_) => Err(StoreError::ReadOnly {
                path: self.path.clone(),
            }),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A consistent snapshot for reading; never waits for writers.
    pub fn read(&self) -> Result<Reader, StoreError> {
        damage::guard(&self.path, || Reader::new(self.db.readable().begin_read()?))
    }

    /// Refuses to write to a file found damaged (in this process, or marked by another).
    fn refuse_if_damaged(&self) -> Result<(), StoreError> {
        if let Some(when) = damage::marked(&self.path) {
            return Err(damage::damaged(
                &self.path,
                t!(
                    "store-damaged-marked",
                    when = when,
                    mark = damage::mark_path(&self.path).display().to_string()
                ),
            ));
        }
        if damage::seen(&self.path) {
            return Err(damage::damaged(&self.path, t!("store-damaged-earlier")));
        }
        Ok(())
    }

    /// Runs a write transaction under the damage guard (a panic inside redb marks the file,
    /// so that other processes stop writing too); refused outright on a damaged file.
    fn guarded<R, E>(&self, work: impl FnOnce() -> Result<R, E>) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        self.refuse_if_damaged()?;
        damage::guard(&self.path, work)
    }

    /// Runs one user action as one write transaction: committed if `action` returns `Ok`,
    /// rolled back (nothing written) if it returns `Err`.
    pub fn write<R, E>(&self, action: impl FnOnce(&mut Writer<'_>) -> Result<R, E>) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        match self.write_or_abandon(|w| action(w).map(Some))? {
            Some(result) => Ok(result),
            None => unreachable!("an action that always gives a result was abandoned"),
        }
    }

    /// [`Store::write`] for work that may give up half way: `Ok(None)` from `action` rolls
    /// the transaction back as an error would, and is returned as `Ok(None)`. A long import
    /// gives up its chunk this way when a colleague is waiting, rather than make them wait
    /// while it finishes writing the chunk.
    pub fn write_or_abandon<R, E>(
        &self,
        action: impl FnOnce(&mut Writer<'_>) -> Result<Option<R>, E>,
    ) -> Result<Option<R>, E>
    where
        E: From<StoreError>,
    {
        self.guarded(|| {
            let txn = self.begin_write_patiently()?;
            let result = {
                let mut writer = Writer::new(&txn, &self.who)?;
                let Some(result) = action(&mut writer)? else {
                    drop(writer);
                    txn.abort().map_err(StoreError::from)?;
                    return Ok(None);
                };
                writer.write_held_back_entries()?;
                let counter = writer.bump_change_counter()?;
                writer.log_changes(counter)?;
                result
            };
            txn.commit().map_err(StoreError::from)?;
            Ok(Some(result))
        })
    }

    /// Takes the write lock without blocking inside redb: `try_begin_write` with short pauses,
    /// so the calling thread can be observed (see [`Store::writer_wait`]) while another process
    /// holds the lock.
    fn begin_write_patiently(&self) -> Result<redb::WriteTransaction, StoreError> {
        let db = self.writable_db()?;
        let mut pause = Duration::from_millis(1);
        let mut waiting = false;
        // Seen by a long import, which then commits and lets this write in.
        let mut announced = super::waiters::Waiting::new(&self.path);
        let outcome = loop {
            match db.try_begin_write() {
                Err(redb::TransactionError::WouldBlock) => {
                    announced.announce();
                    if !waiting {
                        waiting = true;
                        let now = chrono::Utc::now().timestamp_millis();
                        self.waiting_since.store(now, Ordering::Relaxed);
                    }
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(MAX_LOCK_PAUSE);
                }
                other => break other,
            }
        };
        if waiting {
            self.waiting_since.store(0, Ordering::Relaxed);
        }
        outcome.map_err(StoreError::from)
    }

    /// What a long import asks, between rows, whether another writer is waiting for it.
    pub fn wait_probe(&self) -> super::waiters::WaitProbe {
        super::waiters::WaitProbe::new(&self.path)
    }

    /// How long a write of this process has been waiting for another process's write lock.
    pub fn writer_wait(&self) -> Option<Duration> {
        let since = self.waiting_since.load(Ordering::Relaxed);
        (since != 0).then(|| {
            let now = chrono::Utc::now().timestamp_millis();
            Duration::from_millis(u64::try_from(now - since).unwrap_or(0))
        })
    }

    /// Like [`Store::write`], but the transaction is always rolled back: for `--dry-run`.
    pub fn rehearse<R, E>(
        &self,
        action: impl FnOnce(&mut Writer<'_>) -> Result<R, E>,
    ) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        self.guarded(|| {
            let txn = self.begin_write_patiently()?;
            let result = {
                let mut writer = Writer::new(&txn, &self.who)?;
                action(&mut writer)
            };
            txn.abort().map_err(StoreError::from)?;
            result
        })
    }

    /// How the file's pages are used: `(allocated, stored, metadata, fragmented)` bytes. Takes
    /// the write lock briefly (redb reports this from a write transaction), writes nothing.
    pub fn space(&self) -> Result<SpaceStats, StoreError> {
        let txn = self.writable_db()?.begin_write()?;
        let stats = txn.stats()?;
        txn.abort()?;
        Ok(SpaceStats {
            allocated_bytes: stats.allocated_pages() * stats.page_size() as u64,
            stored_bytes: stats.stored_bytes(),
            metadata_bytes: stats.metadata_bytes(),
            fragmented_bytes: stats.fragmented_bytes(),
        })
    }

    /// The full integrity check of redb (reads the whole file; holds the write lock meanwhile).
    pub fn check_integrity(&mut self) -> Result<bool, StoreError> {
        let path = self.path.clone();
        match &mut self.db {
            Db::ReadWrite(db) => damage::guard(&path, || {
                db.check_integrity().map_err(|e| match e {
                    redb::DatabaseError::Storage(redb::StorageError::Corrupted(detail)) => {
                        damage::found(&path, &detail);
                        damage::damaged(
                            &path,
                            t!("store-integrity-failed", detail = detail.to_string()),
                        )
                    }
                    other => StoreError::Redb(other.into()),
                })
            }),
            Db::ReadOnly(_) => Err(StoreError::ReadOnly {
                path: self.path.clone(),
            }),
        }
    }

    /// Checks the recorded schema version; initialises a file this call `created`, migrates
    /// an older layout. An existing file without a loyal schema is not ours: it is refused,
    /// never initialised.
    fn check_schema(&self, created: bool) -> Result<(), StoreError> {
        let recorded = self.schema_version()?;
        if recorded.is_none() && !created {
            return Err(StoreError::NotLoyal {
                path: self.path.clone(),
                reason: t!("store-no-schema"),
            });
        }
        if self.is_read_only()
            && recorded.is_some_and(|v| (SAME_LAYOUT_SINCE..=SCHEMA_VERSION).contains(&v))
        {
            return Ok(());
        }
        if let Some(found) = recorded {
            if found > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema {
                    path: self.path.clone(),
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
            if found == SCHEMA_VERSION {
                return Ok(());
            }
        }
        // New file or older layout: initialise or migrate, re-checking inside the write
        // transaction because another process may have done it meanwhile.
        if self.is_read_only() {
            return Err(StoreError::Open {
                path: self.path.clone(),
                reason: String::from(
                    "its layout is older and must be upgraded, which needs write access: \
                     open it once with write permission",
                ),
            });
        }
        let txn = self.writable_db()?.begin_write()?;
        let found = match txn.open_table(META) {
            Ok(meta) => meta.get(meta_keys::SCHEMA_VERSION)?.map(|v| v.value()),
            Err(e) => return Err(e.into()),
        };
        match found {
            Some(v) if v > SCHEMA_VERSION => {
                return Err(StoreError::NewerSchema {
                    path: self.path.clone(),
                    found: v,
                    supported: SCHEMA_VERSION,
                });
            }
            Some(v) if v == SCHEMA_VERSION => {}
            Some(v) => schema::migrate(&txn, v)?,
            None => schema::migrate(&txn, 0)?,
        }
        txn.open_table(META)?
            .insert(meta_keys::SCHEMA_VERSION, SCHEMA_VERSION)?;
        txn.commit()?;
        Ok(())
    }

    /// The schema version recorded in the file, `None` for a file never initialised.
    pub fn schema_version(&self) -> Result<Option<u64>, StoreError> {
        let txn = self.db.readable().begin_read()?;
        let meta = match txn.open_table(META) {
            Ok(table) => table,
            Err(TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        Ok(meta.get(meta_keys::SCHEMA_VERSION)?.map(|v| v.value()))
    }

    /// Turns this file back into a version-1 layout (drops the contact counts). Only for tests
    /// of the 1 -> 2 migration.
    #[cfg(feature = "test-support")]
    pub fn downgrade_to_v1(&self) -> Result<(), StoreError> {
        let txn = self.writable_db()?.begin_write()?;
        super::legacy::downgrade_care_plans(&txn)?;
        super::legacy::downgrade_complaints(&txn)?;
        txn.delete_table(schema::CUSTOMER_STATS)?;
        txn.open_table(META)?.insert(meta_keys::SCHEMA_VERSION, 1)?;
        txn.commit()?;
        Ok(())
    }

    /// Turns this file back into the schema-11 layout (complaints without a team). Only for
    /// tests of the 11 -> 12 migration.
    #[cfg(feature = "test-support")]
    pub fn downgrade_to_v11(&self) -> Result<(), StoreError> {
        let txn = self.writable_db()?.begin_write()?;
        super::legacy::downgrade_complaints_to_v2(&txn)?;
        txn.open_table(META)?
            .insert(meta_keys::SCHEMA_VERSION, 11)?;
        txn.commit()?;
        Ok(())
    }

    /// Overwrites the recorded schema version. Only for tests of the version check.
    #[cfg(feature = "test-support")]
    pub fn force_schema_version(&self, version: u64) -> Result<(), StoreError> {
        let txn = self.writable_db()?.begin_write()?;
        txn.open_table(META)?
            .insert(meta_keys::SCHEMA_VERSION, version)?;
        txn.commit()?;
        Ok(())
    }
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => t!("store-permission-denied"),
        _ => error.to_string(),
    }
}

/// Whether this process may write the file (permissions, a read-only mount).
fn writable(path: &Path) -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .is_ok()
}

/// An existing file redb would not open: damaged, foreign, not closed cleanly (and opened
/// read-only, so it cannot be recovered), or an ordinary open error (locked, permissions).
fn not_loyal_or(path: &Path, error: redb::DatabaseError) -> StoreError {
    match error {
        redb::DatabaseError::Storage(redb::StorageError::Io(io))
            if io.kind() == std::io::ErrorKind::InvalidData =>
        {
            StoreError::NotLoyal {
                path: path.to_path_buf(),
                reason: io.to_string(),
            }
        }
        redb::DatabaseError::Storage(redb::StorageError::Corrupted(detail)) => {
            damage::found(path, &detail);
            damage::damaged(path, detail)
        }
        redb::DatabaseError::RepairAborted => StoreError::Open {
            path: path.to_path_buf(),
            reason: t!("store-needs-repair"),
        },
        redb::DatabaseError::DatabaseAlreadyOpen
        | redb::DatabaseError::Storage(redb::StorageError::Io(_)) => StoreError::Open {
            path: path.to_path_buf(),
            reason: describe_database_error(error),
        },
        other => StoreError::NotLoyal {
            path: path.to_path_buf(),
            reason: other.to_string(),
        },
    }
}

fn describe_database_error(error: redb::DatabaseError) -> String {
    match error {
        redb::DatabaseError::DatabaseAlreadyOpen => t!("store-open-elsewhere"),
        redb::DatabaseError::Storage(redb::StorageError::Io(io)) => describe_io(&io),
        other => other.to_string(),
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Creates the file readable and writable by its owner only, if it does not exist yet.
pub(super) fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}
