//! Integration tests: drive the `ehelse` binary.
