package org.pgdump4j.dumpall;

import org.jspecify.annotations.Nullable;

/**
 * One pg_auth_members row: {@code member} is a member of {@code role}, granted by {@code grantor}. A name is null
 * when its OID names no role (a dangling row old servers could leave).
 *
 * @param inherit the grant's INHERIT option (16+); null before 16, where grants have no options but ADMIN
 * @param set     the grant's SET option (16+); true before 16
 */
public record Membership(@Nullable String role, @Nullable String member, @Nullable String grantor, long roleId,
        long memberId, long grantorId, boolean admin, @Nullable Boolean inherit, boolean set) {
}
