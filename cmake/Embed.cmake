# phare_embed(TARGET target NAMESPACE ns [BASE dir] FILES f1 f2 ...): compiles the files'
# bytes into `target` as ns::EmbeddedFiles() and ns::EmbeddedFile(name) (base/embedded.h),
# named relative to BASE when given, else by file name, so the binary needs nothing from
# the source tree at run time.
function(phare_embed)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE;BASE" "FILES" ${ARGN})
  string(MAKE_C_IDENTIFIER "${ARG_NAMESPACE}" stem)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cc")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${ARG_NAMESPACE}
            -DBASE=${ARG_BASE} "-DFILES=${ARG_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding files into ${ARG_NAMESPACE}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE "${output}")
endfunction()
