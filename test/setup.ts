// Shared by every test file. Tests build their own Config and stores: no global database state.
process.env.NODE_ENV ??= "test";
