# Embeds src/store/sqlite/migrations/NNN_name.sql into the binary, in order, so a
# database can be created or upgraded with no files beside the executable.
file(GLOB KOMPETENT_MIGRATION_FILES CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/src/store/sqlite/migrations/*.sql)
list(SORT KOMPETENT_MIGRATION_FILES)
set(KOMPETENT_MIGRATIONS_CPP ${CMAKE_BINARY_DIR}/generated/migrations.cpp)
add_custom_command(
  OUTPUT ${KOMPETENT_MIGRATIONS_CPP}
  # The script globs DIR itself: a list on the command line would be split at its ';'.
  COMMAND ${CMAKE_COMMAND} -DOUT=${KOMPETENT_MIGRATIONS_CPP}
          -DDIR=${CMAKE_SOURCE_DIR}/src/store/sqlite/migrations -P ${CMAKE_SOURCE_DIR}/cmake/embed_migrations.cmake
  DEPENDS ${KOMPETENT_MIGRATION_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_migrations.cmake
  COMMENT "Embedding SQL migrations")
