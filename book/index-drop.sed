# book/index-drop.sed -- a noweave filter (book/book.mk, book/html.sh): the
# definitions that noweb's C autodefs finds in C's own vocabulary, which are
# no identifiers of this program. Dropping a definition before finduses also
# drops its uses, so neither index nor chunk footer lists them:
# keywords and specifiers, the standard types, and the compiler attributes
# the kernel spells as words.
/^@index (defn|localdefn) (auto|break|case|char|const|continue|default|do|double|else|enum|extern|float|for|goto|if|inline|int|long|register|restrict|return|short|signed|sizeof|static|struct|switch|typedef|union|unsigned|void|volatile|while)$/d
/^@index (defn|localdefn) (_Bool|_Atomic|_Alignas|_Alignof|_Noreturn|_Static_assert|_Thread_local|__thread|__attribute__|__inline__|__restrict|asm|__asm__|typeof|__typeof__)$/d
/^@index (defn|localdefn) (bool|size_t|ssize_t|ptrdiff_t|off_t|pid_t|u?int(8|16|32|64|ptr|max)_t|va_list|FILE|pthread_t|pthread_mutex_t|pthread_cond_t|pthread_once_t|pthread_key_t|atomic_int|atomic_uint|atomic_long|atomic_ulong|atomic_bool)$/d
/^@index (defn|localdefn) (noinline|__always_inline)$/d
