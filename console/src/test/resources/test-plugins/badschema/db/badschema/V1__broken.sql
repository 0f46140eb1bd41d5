create tabel badschema.oops (id int);
