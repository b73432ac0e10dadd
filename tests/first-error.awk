# first-error.awk: the first error of a stub's compiler log (the Makefile
# keeps it in OBJECT.broken), at the learner's line: an error inside a
# macro of the book's headers (TODO after a missing ';') is moved to the
# line of the stub where the macro is used, which the compiler names in a
# later "note: in expansion of macro".  Run as awk -v stub=FILE.
!error && /: (fatal )?error/ {
    error = $0
    if (index($0, stub ":") == 1) { found = 1; exit }
    next
}
error && index($0, stub ":") == 1 && /: note: in expansion of macro/ {
    where = substr($0, 1, index($0, ": note:") - 1)
    message = substr(error, index(error, ": error") + 2)
    if (message == "" || index(error, ": error") == 0) message = substr(error, index(error, ": fatal") + 2)
    error = where ": " message
    found = 1
    exit
}
!first { first = $0 }
END { print(error != "" ? error : first) }
