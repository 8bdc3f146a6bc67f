# Where a profiled scenario's CPU went, by component: reads async-profiler's collapsed stacks ("root;...;leaf N")
# and charges each sample to the component of the frame nearest the leaf that belongs to a known component (its
# own code, or a library it calls into); kernel and JVM-internal frames are charged to whatever Java called them.
# A stack with no known frame at all is the JVM's own work (GC, JIT compilers) or an idle thread.
# Prints "share component" lines, largest first, then the total number of samples.
function component(frame) {
    if (frame ~ /^io[./]conduithex[./]adapter[./]web[./]/) return "conduit web adapter (routes, JSON shaping, logs, metrics)"
    if (frame ~ /^io[./]conduithex[./]adapter[./]jdbi[./]/) return "conduit JDBI adapter (unit of work, row mapping)"
    if (frame ~ /^io[./]conduithex[./]application[./]/) return "conduit use cases and transaction runner"
    if (frame ~ /^io[./]conduithex[./]/) return "conduit other"
    if (frame ~ /^org[./]postgresql[./]/) return "pgjdbc (PostgreSQL driver, its socket I/O)"
    if (frame ~ /^com[./]zaxxer[./]hikari[./]/) return "HikariCP"
    if (frame ~ /^org[./]jdbi[./]/) return "JDBI"
    if (frame ~ /^com[./]fasterxml[./]jackson[./]/) return "Jackson (JSON)"
    if (frame ~ /^io[./]micrometer[./]/) return "Micrometer"
    if (frame ~ /^(ch[./]qos[./]logback|org[./]slf4j)[./]/) return "logging (Logback, SLF4J)"
    if (frame ~ /^dev[./]failsafe[./]/) return "Failsafe"
    if (frame ~ /^io[./]javalin[./]/) return "Javalin"
    if (frame ~ /^org[./]eclipse[./]jetty[./]/) return "Jetty (HTTP, its socket I/O)"
    if (frame ~ /^(com[./]google[./]inject|com[./]auth0|at[./]favre)[./]/) return "other libraries"
    return ""
}
{
    count = $NF
    sub(/ [0-9]+$/, "")
    n = split($0, frames, ";")
    charged = "JVM (GC, JIT compilers, idle threads)"
    for (i = n; i >= 1; i--) {
        c = component(frames[i])
        if (c != "") { charged = c; break }
    }
    samples[charged] += count
    total += count
}
END {
    for (c in samples) printf "%5.1f%%  %s\n", 100 * samples[c] / total, c | "sort -rn"
    close("sort -rn")
    printf "%d samples\n", total
}
