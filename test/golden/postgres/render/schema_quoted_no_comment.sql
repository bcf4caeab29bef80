CREATE SCHEMA "My ""Sales""";
