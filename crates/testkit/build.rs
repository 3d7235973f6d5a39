//! Hashes the migration sources of the workspace into `CYBERSHIELD_MIGRATION_SOURCES_HASH`.
//!
//! The template database is named after its migrations. Names alone miss an edit to the SQL of
//! a migration not yet committed (normal while developing), and `MigrationTrait` offers no way
//! to read the SQL back, so we hash the files the migrations are built from.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest.join("../..");

    let mut dirs = vec![root.join("migration")];
    if let Ok(crates) = fs::read_dir(root.join("crates")) {
        for krate in crates.flatten() {
            dirs.push(krate.path().join("migrations"));
            dirs.push(krate.path().join("src/migrations"));
        }
    }

    let mut files = Vec::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        // Cargo scans a directory recursively for changes.
        println!("cargo::rerun-if-changed={}", dir.display());
        collect(dir, &mut files);
    }
    println!("cargo::rerun-if-changed=build.rs");
    files.sort();

    let mut hash = Fnv::default();
    for file in &files {
        if let Ok(contents) = fs::read(file) {
            hash.write(file.strip_prefix(&root).unwrap_or(file).to_string_lossy().as_bytes());
            hash.write(&[0]);
            hash.write(&contents);
            hash.write(&[0]);
        }
    }
    println!("cargo::rustc-env=CYBERSHIELD_MIGRATION_SOURCES_HASH={:016x}", hash.0);
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("sql" | "rs")) {
            files.push(path);
        }
    }
}

/// FNV-1a: stable across Rust versions, unlike `DefaultHasher`.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
