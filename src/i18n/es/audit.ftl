# `ladrillo audit-log`: mensajes de las alertas (src/rules/audit/), notas e informe de texto
# (src/audit/report.rs). JSON y JSON lines conservan los textos ingleses y los nombres de campo.

## Quién hizo la petición.
audit-user = el usuario "{ $name }"
audit-user-anonymous = el usuario anónimo
audit-user-unauthenticated = un usuario sin autenticar
audit-unknown-principal = una entidad desconocida
audit-generated-name = (nombre generado)

## Mensajes de las alertas, uno o más por detección.
audit-exec = { $user } ejecutó un comando en el pod { $ns }/{ $pod }
audit-attach = { $user } se conectó al pod { $ns }/{ $pod }
audit-port-forward = { $user } abrió un port-forward al pod { $ns }/{ $pod }
audit-cp-out = { $user } copió archivos desde el pod { $ns }/{ $pod }
audit-cp-in = { $user } copió archivos al pod { $ns }/{ $pod }
audit-token-read = { $user } leyó { $path } en el pod { $ns }/{ $pod }
audit-workload-written = { $user } escribió { $kind } { $ns }/{ $name }: { $what }
audit-pss-violation = { $user } escribió { $kind } { $ns }/{ $name }, que incumple PodSecurity "{ $policy }": { $reasons }
audit-admin-role-bound = { $user } vinculó el ClusterRole { $role } mediante { $kind } { $binding }
audit-system-role = { $user } { $verb ->
        [delete] borró
       *[other] cambió
    } el { $kind } predefinido { $name }
audit-anonymous-allowed = se permitió una petición anónima: { $target }
audit-secrets-listed = { $user } leyó los Secrets de todos los espacios de nombres ({ $verb })
audit-bulk-secret-read = { $user } leyó { $count } secretos distintos (o espacios de nombres de secretos) en { $window }
audit-secret-denied-burst = { $user } recibió { $count } denegaciones de acceso a secretos en { $window }
audit-forbidden-burst = { $public ->
        [yes] la dirección pública
       *[no] la dirección
    } { $ip } recibió { $count } rechazos en { $window }
audit-cluster-principal-public = { $user }, una identidad del propio clúster, llamó a la API desde la dirección pública { $ip }
audit-system-namespace-public = { $user } accedió al espacio de nombres { $ns } desde la dirección pública { $ip } ({ $verb } { $resource })
audit-sa-token = { $user } solicitó un token de la cuenta de servicio { $ns }/{ $sa }
audit-csr-approved = { $user } aprobó la solicitud de certificado de cliente { $name } ({ $signer })
audit-cron-job = { $user } { $verb ->
        [create] creó
       *[other] cambió
    } el CronJob { $ns }/{ $name }
audit-daemon-set = { $user } { $verb ->
        [create] creó
       *[other] cambió
    } el DaemonSet { $ns }/{ $name }
audit-kube-system-created = { $user } creó { $resource } kube-system/{ $name }
audit-webhook-changed = { $user } { $verb ->
        [create] creó
        [delete] borró
       *[other] cambió
    } la { $kind } { $name }
audit-node-port = { $user } expuso el Service { $ns }/{ $name } como NodePort
audit-ingress-without-tls = { $user } escribió el Ingress { $ns }/{ $name } sin TLS
audit-aws-auth = { $user } { $verb ->
        [create] creó
        [delete] borró
       *[other] cambió
    } el ConfigMap aws-auth
audit-access-entry = { $who } { $call ->
        [CreateAccessEntry] creó una entrada de acceso
        [UpdateAccessEntry] cambió una entrada de acceso
        [DeleteAccessEntry] borró una entrada de acceso
        [AssociateAccessPolicy] asoció una política de acceso
       *[DisassociateAccessPolicy] desasoció una política de acceso
    } para { $principal } en el clúster { $cluster }{ $policy }
audit-attack-tool = se { $outcome ->
        [allowed] permitió
       *[refused] rechazó
    } una petición de la herramienta de ataque { $tool }: { $what }
audit-dangerous-role = { $user } escribió { $kind } { $name }, que concede { $grants }
audit-grant-every-verb = todos los verbos (`*`)
audit-grant-every-resource = todos los recursos (`*`)
audit-grant-verb = el verbo `{ $verb }`

## Notas bajo una alerta.
audit-note-system-namespace = { $ns } ejecuta los componentes propios del clúster
audit-note-command = comando: { $command }
audit-note-tar = argumentos de tar: { $args }
audit-note-images = imágenes: { $images }
audit-note-pss-enforced = el espacio de nombres aplica PodSecurity "{ $policy }"
audit-note-subjects = sujetos: { $subjects }
audit-note-authorized-by = autorizado por: { $reason }
audit-note-masters = las nuevas asignaciones conceden el grupo system:masters
audit-note-last-one = el último: { $item }
audit-note-requested-groups = grupos solicitados: { $groups }
audit-note-ports = puertos: { $ports }

## El informe de texto.
audit-label-time = hora
audit-label-audit-id = ID de auditoría
audit-label-user = usuario
audit-label-role = rol
audit-label-session = sesión
audit-label-impersonating = suplanta a
audit-label-source = origen
audit-label-user-agent = agente de usuario
audit-label-request = petición
audit-label-note = nota
audit-label-help = ayuda
audit-item = { $place } (elemento { $item })
audit-target-in = { $resource } en { $ns }
audit-summary = { $alerts ->
        [one] { $alerts } alerta
       *[other] { $alerts } alertas
    }{ $by } de { $analysed ->
        [one] { $analysed } evento analizado
       *[other] { $analysed } eventos analizados
    } (de { $read ->
        [one] { $read } leído
       *[other] { $read } leídos
    }) en { $inputs ->
        [one] { $inputs } entrada
       *[other] { $inputs } entradas
    }
audit-summary-suppressed = { $count } sobre usuarios o espacios de nombres de confianza
audit-summary-outside = { $count } fuera del intervalo de tiempo
audit-summary-malformed = { $count ->
        [one] { $count } registro mal formado
       *[other] { $count } registros mal formados
    }
audit-summary-other-streams = { $count ->
        [one] { $count } evento de registro de otro flujo
       *[other] { $count } eventos de registro de otros flujos
    }
audit-not-evaluated = { $rule } { $name } no pudo evaluar { $count ->
        [one] { $count } evento: la política de auditoría lo registró
       *[other] { $count } eventos: la política de auditoría los registró
    } por debajo del nivel { $level }

## Lists of texts, each item in the reader's language.
audit-join-semicolon = { $first }; { $rest }
audit-join-comma = { $first }, { $rest }
audit-one = { $item }

## La línea de órdenes.
audit-more-errors = … y { $count ->
        [one] { $count } error de entrada más
       *[other] { $count } errores de entrada más
    }
audit-jsonl-summary = alertas: { $alerts }; eventos analizados: { $analysed } de { $read } leídos; registros mal formados: { $malformed }

# Lectura de un registro de auditoría: problemas de una entrada o de uno de sus registros.
audit-cannot-open = no se puede abrir: { $reason }
audit-is-a-directory = es un directorio
audit-cannot-read = no se puede leer: { $reason }
audit-cannot-decompress = no se puede descomprimir: { $reason }
audit-line-too-long = línea de más de { $mib } MiB; se omite
audit-record-too-large = registro de más de { $mib } MiB; se omite
audit-expected-found = se esperaba { $what }, pero se encontró `{ $found }`
audit-expected = se esperaba { $what }
audit-expected-end = fin inesperado de la entrada; se esperaba { $what }
audit-end-in-string = fin inesperado de la entrada dentro de una cadena
audit-end-in-container = fin inesperado de la entrada dentro de un objeto o una lista
audit-token-key = una clave
audit-token-value = un valor
audit-token-colon = `:`
audit-token-comma-bracket = `,` o `]`
audit-token-comma-brace = `,` o `{ "}" }`
audit-token-document = un objeto o una lista JSON
audit-no-events = no se ha encontrado ningún evento de auditoría de Kubernetes ni de CloudTrail
audit-record-item = elemento { $item }: { $message }
audit-nested-too-deep = sobres anidados a demasiada profundidad
audit-not-utf8 = no es UTF-8
audit-not-json-record = no es un registro JSON
audit-invalid-base64 = base64 no válido: { $reason }
audit-payload-too-large = registro descomprimido de más de { $mib } MiB
audit-malformed-json = JSON mal formado: { $detail } (columna { $column })

# Errores de sintaxis JSON.
json-eof-list = fin de archivo dentro de una lista
json-eof-object = fin de archivo dentro de un objeto
json-eof-string = fin de archivo dentro de una cadena
json-eof-value = fin de archivo donde se esperaba un valor
json-expected-colon = se esperaba `:`
json-expected-comma-bracket = se esperaba `,` o `]`
json-expected-comma-brace = se esperaba `,` o `{ "}" }`
json-expected-ident = se esperaba un identificador (true, false o null)
json-expected-value = se esperaba un valor
json-expected-quote = se esperaba `"`
json-invalid-escape = secuencia de escape no válida
json-invalid-number = número no válido
json-number-out-of-range = número fuera de rango
json-invalid-code-point = punto de código Unicode no válido
json-control-character = carácter de control (\u0000-\u001F) dentro de una cadena
json-key-not-string = la clave debe ser una cadena
json-lone-surrogate = sustituto inicial aislado en un escape hexadecimal
json-trailing-comma = coma sobrante al final
json-trailing-characters = caracteres sobrantes tras el valor
json-end-of-hex-escape = fin inesperado de un escape hexadecimal
json-recursion-limit = se superó el límite de anidamiento
json-key-not-number = valor no válido: se esperaba una clave numérica entre comillas
json-parser-said = el analizador JSON indica: «{ $text }»
