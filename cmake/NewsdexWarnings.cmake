# Per-target warnings, sanitizers and visibility: nothing is set globally.
function(newsdex_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  target_compile_features(${target} PUBLIC cxx_std_20)
  if(NEWSDEX_TSAN)
    target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=thread)
  endif()
  if(NEWSDEX_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
  if(NEWSDEX_FUZZ_TARGETS)  # coverage for libFuzzer; the runtime is linked by the fuzz targets
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# A libFuzzer target (tests/fuzz): built like the rest, linked with libFuzzer's main.
function(newsdex_fuzz_target_options target)
  newsdex_target_options(${target})
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
endfunction()

# The libraries: position-independent, hidden symbols except the API marked NEWSDEX_API
# (newsdex/export.h), so a shared build exports the public headers' classes and nothing of
# the internals.
function(newsdex_library_options target)
  newsdex_target_options(${target})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON
                                             CXX_VISIBILITY_PRESET hidden
                                             VISIBILITY_INLINES_HIDDEN ON)
endfunction()
