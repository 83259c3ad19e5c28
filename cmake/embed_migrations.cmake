# Script mode: writes OUT, a .cpp defining kompetent::store::embedded_migrations().
set(body "")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} sql)
  string(APPEND body "    {\"${name}\", R\"kompetent_sql(${sql})kompetent_sql\"},\n")
endforeach()
file(WRITE ${OUT} "// Generated from src/store/sqlite/migrations by cmake/embed_migrations.cmake.\n#include \"store/sqlite/migrations.h\"\n\nnamespace kompetent::store {\n\nconst std::vector<Migration>& embedded_migrations() {\n  static const std::vector<Migration> migrations = {\n${body}  };\n  return migrations;\n}\n\n}  // namespace kompetent::store\n")
