package org.pgdump4j.model.textsearch;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A text search configuration (pg_ts_config) with its token mappings (pg_ts_config_map).
 *
 * @param parser   the parser's schema and name, always written qualified
 * @param mappings in token type order; empty when not read (a configuration that is not dumped)
 */
public record TsConfig(ObjectId id, String schema, String name, String owner, QualifiedName parser,
        List<Mapping> mappings, @Nullable String comment, Components components) implements FamilyObject {
    /**
     * The dictionaries of one token type, in their order (mapseqno).
     *
     * @param token        the token type's alias (ts_token_type), unquoted
     * @param dictionaries as {@code regdictionary} prints them under an empty search_path (pg_catalog's unqualified)
     */
    public record Mapping(String token, List<String> dictionaries) {
        public Mapping {
            dictionaries = List.copyOf(dictionaries);
        }
    }

    public TsConfig {
        mappings = List.copyOf(mappings);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TSCONFIG;
    }

    @Override
    public String sortName() {
        return name;
    }
}
