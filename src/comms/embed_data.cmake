# Embeds every data/comms/<folder>/<file>.toml into a C++ source file, so the phare
# binary carries its catalogs and checker data and reads nothing from disk at run time.
#   cmake -DROOT=<data/comms> -DOUTPUT=<file.cc> -P embed_data.cmake
file(GLOB_RECURSE files RELATIVE ${ROOT} ${ROOT}/*.toml)
list(SORT files)
set(arrays "")
set(entries "")
set(index 0)
foreach(name IN LISTS files)
  file(READ ${ROOT}/${name} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(APPEND arrays "const unsigned char kFile${index}[] = {${bytes}0x00};\n")
  string(APPEND entries "    {\"${name}\", {reinterpret_cast<const char*>(kFile${index}), ${size}}},\n")
  math(EXPR index "${index} + 1")
endforeach()
set(content "// Generated from data/comms by src/comms/embed_data.cmake. Do not edit.
#include \"comms/embedded_data.h\"

namespace phare::comms {
namespace {
${arrays}
const DataFile kFiles[] = {
${entries}};
}  // namespace

std::span<const DataFile> EmbeddedDataFiles() { return kFiles; }

}  // namespace phare::comms
")
# Rewrite only on change, so an unrelated reconfigure does not force a rebuild.
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} previous)
endif()
if(NOT "${previous}" STREQUAL "${content}")
  file(WRITE ${OUTPUT} "${content}")
endif()
