package io.jvppmux.generator.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One parsed {@code .api.json}. Its types, unions, enums and aliases include those of its imports
 * (vppapigen folds them in); its messages are its own.
 *
 * @param path     where it was read from
 * @param module   the module name, e.g. {@code interface}
 * @param version  {@code vl_api_version}
 * @param imports  the imported module names
 */
public record ApiFile(Path path, String module, String version, List<String> imports,
                      Map<String, StructDef> types, Map<String, StructDef> unions,
                      Map<String, EnumDef> enums, Map<String, AliasDef> aliases,
                      List<StructDef> messages, List<ServiceDef> services) {
}
