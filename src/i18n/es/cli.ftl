# La línea de órdenes: errores y los textos de `rules` y `explain`.

error = error: { $message }
unknown-language = idioma desconocido `{ $value }` (se aceptan: { $accepted })
cannot-write = no se puede escribir { $what }: { $reason }
cannot-write-output = no se puede escribir la salida: { $reason }
standard-output = la salida estándar
empty-rule-name-flag = nombre de regla vacío en --{ $flag } (consulte `ladrillo rules`)
empty-rule-name = nombre de regla vacío (consulte `ladrillo rules`)
not-a-date = --date `{ $value }` no es una fecha (AAAA-MM-DD)
unknown-rule = regla desconocida `{ $rule }` (consulte `ladrillo rules`)
unknown-rule-suggest = regla desconocida `{ $rule }`; ¿quiso decir { $suggestions }?
or = { $first } o { $second }

rules-opt-in = (opcional)
explain-severity = Severidad: { $severity }
explain-severity-also = { $severity } (algunos hallazgos { $others })
explain-group = Grupo: { $group }
explain-guide = Guía: { $guide }
explain-references = Referencias: { $references }
explain-opt-in = Activada: solo si se selecciona (--select)
explain-run-by = La ejecuta: ladrillo audit-log (nivel de la política de auditoría necesario: { $level })
