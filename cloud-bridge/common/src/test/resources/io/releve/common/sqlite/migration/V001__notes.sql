-- A table for the tests of the migrations.
CREATE TABLE note (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL
);
