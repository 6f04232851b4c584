package org.pgdump4j.sql;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PostgreSQL 18's SQL keywords: the one table behind {@link Sql#ident(String)}.
 *
 * <p>The table mirrors {@code src/include/parser/kwlist.h} of PostgreSQL 18. It was generated once from an 18.1
 * server with {@code SELECT word, catcode, barelabel FROM pg_get_keywords() ORDER BY word}, which the server
 * builds from that same header; {@code KeywordsTest} checks it against {@code pg_get_keywords()} on every run
 * that has an 18 server. Keywords only ever get added in newer majors, so quoting with the newest list also keeps
 * dumps loadable into the newest server (pg_dump does the same: it quotes with its own, newest list).
 *
 * <p>Each token below is {@code word:C}, where {@code C} is the category code of {@code pg_get_keywords()}
 * ({@code U} unreserved, {@code C} column name, {@code T} type or function name, {@code R} reserved),
 * followed by {@code /as} when the keyword is {@code AS_LABEL} (needs {@code AS} before a column label)
 * rather than {@code BARE_LABEL}.
 */
public final class Keywords {

    /** Keyword category, as in kwlist.h ({@code UNRESERVED_KEYWORD} ...). */
    public enum Category {
        /** {@code UNRESERVED_KEYWORD}, catcode {@code U}: usable as any name without quotes. */
        UNRESERVED('U'),
        /** {@code COL_NAME_KEYWORD}, catcode {@code C}: unreserved, but cannot be a function or type name. */
        COL_NAME('C'),
        /** {@code TYPE_FUNC_NAME_KEYWORD}, catcode {@code T}: reserved, but can be a function or type name. */
        TYPE_FUNC_NAME('T'),
        /** {@code RESERVED_KEYWORD}, catcode {@code R}. */
        RESERVED('R');

        private final char code;

        Category(char code) {
            this.code = code;
        }

        /** The one-letter {@code catcode} of {@code pg_get_keywords()}. */
        public char code() {
            return code;
        }

        /** The category for a {@code pg_get_keywords()} catcode. */
        public static Category fromCode(char code) {
            for (Category c : values()) {
                if (c.code == code) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown keyword category code: " + code);
        }
    }

    /**
     * One keyword.
     *
     * @param word lower-case keyword
     * @param category its category
     * @param bareLabel true for {@code BARE_LABEL} (may be a column label without {@code AS})
     */
    public record Keyword(String word, Category category, boolean bareLabel) {
        public Keyword {
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(category, "category");
        }
    }

    /** Generated from PostgreSQL 18.1; see the class comment. Sorted by word. */
    private static final String DATA = """
            abort:U absent:U absolute:U access:U action:U add:U admin:U after:U aggregate:U all:R also:U alter:U always:U
            analyse:R analyze:R and:R any:R array:R/as as:R/as asc:R asensitive:U assertion:U assignment:U asymmetric:R
            at:U atomic:U attach:U attribute:U authorization:T backward:U before:U begin:U between:C bigint:C binary:T
            bit:C boolean:C both:R breadth:U by:U cache:U call:U called:U cascade:U cascaded:U case:R cast:R catalog:U
            chain:U char:C/as character:C/as characteristics:U check:R checkpoint:U class:U close:U cluster:U coalesce:C
            collate:R collation:T column:R columns:U comment:U comments:U commit:U committed:U compression:U
            concurrently:T conditional:U configuration:U conflict:U connection:U constraint:R constraints:U content:U
            continue:U conversion:U copy:U cost:U create:R/as cross:T csv:U cube:U current:U current_catalog:R
            current_date:R current_role:R current_schema:T current_time:R current_timestamp:R current_user:R cursor:U
            cycle:U data:U database:U day:U/as deallocate:U dec:C decimal:C declare:U default:R defaults:U deferrable:R
            deferred:U definer:U delete:U delimiter:U delimiters:U depends:U depth:U desc:R detach:U dictionary:U
            disable:U discard:U distinct:R do:R document:U domain:U double:U drop:U each:U else:R empty:U enable:U
            encoding:U encrypted:U end:R enforced:U enum:U error:U escape:U event:U except:R/as exclude:U excluding:U
            exclusive:U execute:U exists:C explain:U expression:U extension:U external:U extract:C false:R family:U
            fetch:R/as filter:U/as finalize:U first:U float:C following:U for:R/as force:U foreign:R format:U forward:U
            freeze:T from:R/as full:T function:U functions:U generated:U global:U grant:R/as granted:U greatest:C
            group:R/as grouping:C groups:U handler:U having:R/as header:U hold:U hour:U/as identity:U if:U ilike:T
            immediate:U immutable:U implicit:U import:U in:R include:U including:U increment:U indent:U index:U indexes:U
            inherit:U inherits:U initially:R inline:U inner:T inout:C input:U insensitive:U insert:U instead:U int:C
            integer:C intersect:R/as interval:C into:R/as invoker:U is:T isnull:T/as isolation:U join:T json:C
            json_array:C json_arrayagg:C json_exists:C json_object:C json_objectagg:C json_query:C json_scalar:C
            json_serialize:C json_table:C json_value:C keep:U key:U keys:U label:U language:U large:U last:U lateral:R
            leading:R leakproof:U least:C left:T level:U like:T limit:R/as listen:U load:U local:U localtime:R
            localtimestamp:R location:U lock:U locked:U logged:U mapping:U match:U matched:U materialized:U maxvalue:U
            merge:U merge_action:C method:U minute:U/as minvalue:U mode:U month:U/as move:U name:U names:U national:C
            natural:T nchar:C nested:U new:U next:U nfc:U nfd:U nfkc:U nfkd:U no:U none:C normalize:C normalized:U not:R
            nothing:U notify:U notnull:T/as nowait:U null:R nullif:C nulls:U numeric:C object:U objects:U of:U off:U
            offset:R/as oids:U old:U omit:U on:R/as only:R operator:U option:U options:U or:R order:R/as ordinality:U
            others:U out:C outer:T over:U/as overlaps:T/as overlay:C overriding:U owned:U owner:U parallel:U parameter:U
            parser:U partial:U partition:U passing:U password:U path:U period:U placing:R plan:U plans:U policy:U
            position:C preceding:U precision:C/as prepare:U prepared:U preserve:U primary:R prior:U privileges:U
            procedural:U procedure:U procedures:U program:U publication:U quote:U quotes:U range:U read:U real:C
            reassign:U recursive:U ref:U references:R referencing:U refresh:U reindex:U relative:U release:U rename:U
            repeatable:U replace:U replica:U reset:U restart:U restrict:U return:U returning:R/as returns:U revoke:U
            right:T role:U rollback:U rollup:U routine:U routines:U row:C rows:U rule:U savepoint:U scalar:U schema:U
            schemas:U scroll:U search:U second:U/as security:U select:R sequence:U sequences:U serializable:U server:U
            session:U session_user:R set:U setof:C sets:U share:U show:U similar:T simple:U skip:U smallint:C snapshot:U
            some:R source:U sql:U stable:U standalone:U start:U statement:U statistics:U stdin:U stdout:U storage:U
            stored:U strict:U string:U strip:U subscription:U substring:C support:U symmetric:R sysid:U system:U
            system_user:R table:R tables:U tablesample:T tablespace:U target:U temp:U template:U temporary:U text:U then:R
            ties:U time:C timestamp:C to:R/as trailing:R transaction:U transform:U treat:C trigger:U trim:C true:R
            truncate:U trusted:U type:U types:U uescape:U unbounded:U uncommitted:U unconditional:U unencrypted:U
            union:R/as unique:R unknown:U unlisten:U unlogged:U until:U update:U user:R using:R vacuum:U valid:U
            validate:U validator:U value:U values:C varchar:C variadic:R varying:U/as verbose:T version:U view:U views:U
            virtual:U volatile:U when:R where:R/as whitespace:U window:R/as with:R/as within:U/as without:U/as work:U
            wrapper:U write:U xml:U xmlattributes:C xmlconcat:C xmlelement:C xmlexists:C xmlforest:C xmlnamespaces:C
            xmlparse:C xmlpi:C xmlroot:C xmlserialize:C xmltable:C year:U/as yes:U zone:U
            """;

    private static final Map<String, Keyword> SORTED = parse(DATA);

    private static final List<Keyword> ALL = List.copyOf(SORTED.values());

    /** Hashed: every identifier a dump writes is looked up here (a tree's string compares showed in profiles). */
    private static final Map<String, Keyword> TABLE = new java.util.HashMap<>(SORTED);

    private Keywords() {
    }

    /**
     * The category of a keyword, or empty when {@code word} is not a keyword. ASCII letters compare
     * case-insensitively, as the server's {@code ScanKeywordLookup} does ({@code "SELECT"} is a keyword;
     * other characters are never folded).
     */
    public static Optional<Category> category(String word) {
        return lookup(word).map(Keyword::category);
    }

    /** The keyword entry for {@code word} (ASCII case-insensitive), or empty. */
    public static Optional<Keyword> lookup(String word) {
        Objects.requireNonNull(word, "word");
        return Optional.ofNullable(TABLE.get(asciiLower(word)));
    }

    /** True when {@code word} is a keyword of a category other than {@link Category#UNRESERVED}. */
    public static boolean needsQuoting(String word) {
        Keyword k = TABLE.get(asciiLower(word));
        return k != null && k.category() != Category.UNRESERVED;
    }

    /** Every keyword, sorted by word (ASCII order, as in kwlist.h). */
    public static List<Keyword> all() {
        return ALL;
    }

    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    private static Map<String, Keyword> parse(String data) {
        Map<String, Keyword> table = new TreeMap<>();
        for (String token : data.strip().split("\\s+")) {
            int colon = token.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("bad keyword token: " + token);
            }
            String word = token.substring(0, colon);
            String rest = token.substring(colon + 1);
            boolean bare = true;
            if (rest.endsWith("/as")) {
                bare = false;
                rest = rest.substring(0, rest.length() - 3);
            }
            if (rest.length() != 1 || !word.equals(word.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("bad keyword token: " + token);
            }
            Keyword previous = table.put(word, new Keyword(word, Category.fromCode(rest.charAt(0)), bare));
            if (previous != null) {
                throw new IllegalStateException("duplicate keyword: " + word);
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
