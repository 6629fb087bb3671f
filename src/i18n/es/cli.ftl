# La línea de órdenes: errores y los textos de `rules` y `explain`.

error = error: { $message }
warning = aviso: { $message }
unknown-language = idioma desconocido `{ $value }` (se aceptan: { $accepted })
cannot-write = no se puede escribir { $what }: { $reason }
cannot-write-output = no se puede escribir la salida: { $reason }
standard-output = la salida estándar
empty-rule-name-flag = nombre de regla vacío en --{ $flag } (consulte `ladrillo rules`)
no-rule-selected = ninguna regla seleccionada: --select, --ignore y `select` e `ignore` de la configuración no dejan ninguna que ejecutar (consulte `ladrillo rules`)
webhook-no-rule-selected = ninguna regla seleccionada para la admisión: `select` e `ignore` de la configuración no dejan ninguna que se ejecute en la admisión (consulte `ladrillo rules`)
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
man-unknown-command = no existe la orden `{ $command }` (órdenes: { $known })
man-cannot-render = no se puede generar la página del manual: { $reason }
not-a-severity = `{ $value }` no es una severidad (critical, high, medium, low o info)
statistics-text-only = --statistics es un resumen en texto; no se puede combinar con --format { $format }
explain-run-by = La ejecuta: ladrillo audit-log (nivel de la política de auditoría necesario: { $level })
explain-implies = Implica: { $rules } en { $site ->
    [container] el mismo contenedor
   *[field] el mismo campo
  }; se informa una sola vez, como esta regla
explain-implied-by = La implica: { $rule } en { $site ->
    [container] el mismo contenedor
   *[field] el mismo campo
  }; solo se informa ese hallazgo, que nombra esta regla

# `ladrillo rules`: un encabezado por grupo; `--select` acepta el nombre del grupo o su prefijo.
rules-group = { $group } ({ $prefix }, { $count ->
    [one] 1 regla
   *[other] { $count } reglas
}): { $description }
group-pod = ajustes de seguridad de pods y contenedores
group-pss = niveles de Pod Security Standards (etiquetas de espacio de nombres, evaluación exacta)
group-rbac = permisos RBAC y escalada de privilegios
group-secrets = credenciales escritas en el código y manejo de secretos
group-network = Services, exposición y segmentación de red
group-eks = el clúster EKS: plano de control, identidad, grupos de nodos, complementos
group-reliability = disponibilidad y operabilidad
group-hygiene = etiquetas, espacios de nombres e higiene
group-input = cómo está escrita la propia entrada (claves duplicadas, escalares ambiguos, exenciones)
group-audit = detecciones de amenazas en los registros de auditoría de Kubernetes; las ejecuta `ladrillo audit-log`, no `scan`

# Clústeres en vivo (`--cluster`).
live-bad-namespace = --namespace `{ $namespace }` no es un nombre de espacio de nombres (minúsculas, dígitos y `-`, 63 como máximo)
live-kubeconfig = no se puede leer el kubeconfig { $path }: { $reason }
live-context = no se puede usar el contexto `{ $context }` del kubeconfig: { $reason }
live-no-config = no hay kubeconfig y no se ejecuta en un Pod: { $reason }
live-cannot-read = no se puede leer el clúster: { $reason }
live-unreachable = no se puede conectar con el servidor de la API: { $reason }
live-unauthorized = el servidor de la API rechazó las credenciales (401 Unauthorized; ¿un token caducado?): { $message }
live-forbidden = prohibido (403): { $message }
live-status = el servidor de la API respondió { $code }: { $message }
live-timeout = sin respuesta en { $seconds } s (--timeout)
live-too-large = la respuesta de { $what } supera { $megabytes } MB; no se lee
live-garbage = la respuesta de { $what } no es una respuesta de la API de Kubernetes: { $reason }
live-not-served = el clúster no sirve { $version }
live-not-read = { $resource } sin leer: { $reason }; las reglas sobre ellos no se evalúan
live-write-not-a-report = en un clúster solo se escriben PolicyReports y ClusterPolicyReports
live-write-not-served = el clúster no sirve { $version } (instala las CRD de PolicyReport del grupo de trabajo de políticas de Kubernetes)
live-write-failed = no se puede escribir un informe en el clúster: { $reason }
live-wrote = { $count } informes de políticas escritos en el clúster { $context }
live-wrote-some = { $count } de { $total } informes de políticas escritos en el clúster { $context }; los demás no cambian
live-report-truncated = { $report }: { $left } de { $total } resultados omitidos, los menos graves (cada informe se mantiene por debajo de { $kib } KiB); su resumen los cuenta todos
eks-cannot-describe = no se puede describir el clúster de EKS { $cluster }: { $reason }
eks-call-refused = se rechazó { $action } ({ $reason }): lo que enumera es desconocido y las reglas que dependen de ello no se evalúan
eks-launch-templates = los grupos de nodos usan plantillas de lanzamiento ({ $templates }) cuya configuración de IMDS y de volúmenes solo tiene EC2, así que es desconocida: exporte cada una con `aws ec2 describe-launch-template-versions --region { $region } --launch-template-id ID --output json > lt-ID.json` y pase `--launch-template-versions lt-ID.json`

# The input loader: nothing to analyse, what was read but not analysed.
input-nothing-to-analyse = nada que analizar: ningún objeto de Kubernetes ni definición de clúster EKS en la entrada ({ $files ->
        [one] 1 archivo leído
       *[other] { $files } archivos leídos
    })
input-render-kustomize = { $dir } es una kustomization: genérela antes, `kubectl kustomize { $dir } | ladrillo scan -`, o use --render
input-render-helm = { $dir } es un chart de Helm: genérelo antes, `helm template { $dir } | ladrillo scan -`, o use --render
input-not-rendered = { $dir } no se analizó: { $why }
input-rendered = generado con `{ $command }`
input-render-no-helm = helm no está en el PATH (instálelo o indique su ruta con --helm-path)
input-render-no-kustomize = ni kustomize ni kubectl están en el PATH (instale uno o indique su ruta con --kustomize-path o --kubectl-path)
input-render-values = el archivo de valores { $file } no es un archivo
input-render-wrapper = no se pudo escribir la kustomization temporal: { $error }
input-render-start = no se pudo iniciar la herramienta: { $error }
input-render-failed = la herramienta falló (código de salida { $code }): { $stderr }
input-render-killed = una señal terminó la herramienta: { $stderr }
input-render-timeout = la herramienta no terminó en { $seconds } s y se detuvo (--render-timeout)
input-render-too-large = la herramienta escribió más de { $mib } MiB y se detuvo
input-render-not-text = la herramienta escribió texto que no es UTF-8
input-values-without-chart = --helm-values es para directorios de charts de Helm, y ninguna ruta lo es
input-ignored-by-file = { $file } dejó fuera archivos de entrada
input-ignored-by-exclude = `exclude` en .ladrillo.yaml dejó fuera archivos de entrada
input-ignored-by-git = las reglas de exclusión de git (.git/info/exclude o core.excludesFile) dejaron fuera archivos de entrada
input-allow-empty = use --allow-empty si se espera una entrada vacía
stdin-filename-empty = --stdin-filename está vacío: indique el nombre que se mostrará para la entrada estándar
stdin-filename-without-stdin = --stdin-filename da nombre a la entrada estándar, pero `-` no está entre las rutas
input-unnamed-skipped = { $kind } ({ $api }) sin `metadata.name` omitido: ladrillo no analiza este tipo
input-linked-directory = enlace a un directorio, no seguido: el recorrido de directorios no sigue enlaces (pueden salir del árbol o volver a él); indique el destino en la línea de órdenes para analizarlo
input-kustomization-read = kustomization leída como lista de archivos, sin generarla: para analizar lo que genera kustomize, indique su directorio con --render o `kubectl kustomize { $dir } | ladrillo scan -`
input-terraform-not-created = `{ $address }` no se crea con estos valores (count 0, for_each vacío o create = false): no se analiza
input-helm-templates = chart de Helm: { $count ->
        [one] 1 plantilla sin leer
       *[other] { $count } plantillas sin leer
    }; para analizar lo que genera, use --render o `helm template { $dir } | ladrillo scan -`

# rbac: custom resources matched across API groups, group members (who-can --expand-groups).
rbac-matched-groups = recurso encontrado en { $count ->
        [one] el grupo de API
       *[other] los grupos de API
    } { $groups } (según los roles o las CustomResourceDefinitions de la entrada)
rbac-group-member = miembro del Group { $group }
rule-pattern-invalid = patrón de regla `{ $pattern }` no válido: { $why }
rule-pattern-matches-nothing = `{ $pattern }` no coincide con ninguna regla (consulte `ladrillo rules`)

# rbac who-can, can-i y rules: las palabras en torno a verbos, recursos y nombres (JSON sigue en inglés).
rbac-nobody-can = nadie tiene permiso para { $request } { $place }
rbac-who-can = quién tiene permiso para { $request } { $place }:
rbac-via = a través de { $via }
rbac-can-i-yes = sí: { $subject } tiene permiso para { $request } { $place }
rbac-can-i-no = no: { $subject } no tiene permiso para { $request } { $place }
rbac-allowed-only-in = permitido solo en los espacios de nombres: { $namespaces }
rbac-identity = identidad: usuario { $user }, grupos { $groups }
rbac-any-member = (cualquier miembro)
rbac-rules-of = { $subject } (usuario { $user }, grupos { $groups }) tiene { $count ->
    [one] { $count } regla
   *[other] { $count } reglas
}:
rbac-in-namespace = en el espacio de nombres { $namespace }
rbac-cluster-wide = en todo el clúster
rbac-in-any-namespace = en cualquier espacio de nombres
rbac-request-named = { $request } con nombre "{ $name }"
rbac-or = o

# Problemas de .ladrillo.yaml (`settings.rs`); las claves y los valores se dejan como se escriben.
config-key-repeated = la clave `{ $key }` está repetida (la primera vez en la línea { $line })
config-single-document = la configuración debe ser un único documento YAML
config-mapping = la configuración debe ser un mapa de claves
config-select-empty = `select` está vacío; quítelo para ejecutar las reglas por defecto
config-severity-value = se espera una severidad: critical, high, medium, low o info
config-severity-map = `severity` debe asignar severidades a nombres de regla
config-fail-on-value = `{ $value }` no es una severidad (critical, high, medium, low, info o none)
config-fail-on = `fail-on` debe ser una severidad o `none`
config-waivers-list = `waivers` debe ser una lista
config-pss-mapping = `pss` debe ser un mapa con `level` y `version`
config-pss-level = `level` debe ser privileged, baseline o restricted
config-pss-version = `version` debe ser "latest" o "v1.x"
config-pss-kubernetes-version = `kubernetes-version` debe ser una versión de Kubernetes entre comillas, como "1.30"
config-found = { $what }; se encontró `{ $found }`
config-webhook-mapping = `webhook` debe ser un mapa de claves
config-webhook-mode-unknown = modo de webhook desconocido `{ $mode }`; se espera enforce, warn o audit
config-webhook-mode = se espera un modo de webhook: enforce, warn o audit
config-webhook-namespaces = `namespaces` debe asignar modos a nombres de espacio de nombres
config-unknown-key-suggest = clave desconocida `{ $key }`; ¿quiso decir `{ $suggestion }`?
config-unknown-key = clave desconocida `{ $key }`; se espera una de: { $expected }
config-list-of-strings = `{ $key }` debe ser una lista de cadenas
config-entries-strings = las entradas de `{ $key }` deben ser cadenas
config-expected-string = se espera una cadena
config-waiver-mapping = una exención debe ser un mapa con `rules` y `reason`
config-waiver-rules = una exención necesita `rules`: los nombres de las reglas que exime

# `ladrillo pss`: el veredicto de cada objeto y el resumen (los motivos son los del propio servidor de API).
pss-verdict-file = { $file }: { $verdict ->
        [allowed] admitido
       *[denied] denegado
    } por { $policy }
pss-verdict = { $place }: { $object }: { $verdict ->
        [allowed] admitido
       *[denied] denegado
    } por { $policy }
pss-summary = { $count ->
        [one] { $count } objeto evaluado
       *[other] { $count } objetos evaluados
    } con { $policy }: { $allowed ->
        [one] { $allowed } admitido
       *[other] { $allowed } admitidos
    }, { $denied ->
        [one] { $denied } denegado
       *[other] { $denied } denegados
    }
pss-summary-on = { $count ->
        [one] { $count } objeto evaluado
       *[other] { $count } objetos evaluados
    } con { $policy } en Kubernetes 1.{ $release }: { $allowed ->
        [one] { $allowed } admitido
       *[other] { $allowed } admitidos
    }, { $denied ->
        [one] { $denied } denegado
       *[other] { $denied } denegados
    }

# `.ladrillo.yaml`: las secciones `reachability` y `audit-log`.
config-reach-mapping = `reachability` debe ser un mapa con listas `deny` y/o `allow`
config-reach-unknown-key = clave desconocida `{ $key }` en `reachability`; se esperaba `deny` o `allow`
config-reach-list = `{ $key }` debe ser una lista de entradas { "{" }from, to, port{ "}" }
config-reach-assertion-mapping = una aserción debe ser un mapa con `from` y `to`
config-reach-port = `port` debe ser un número o PUERTO/PROTOCOLO
config-reach-assertion-unknown-key = clave desconocida `{ $key }` en una aserción; se esperaba `from`, `to` o `port`
config-reach-needs = a la aserción le falta `{ $key }`
config-reach-endpoint = un extremo debe ser una cadena o un mapa
config-reach-cidr-alone = `cidr` no se puede combinar con otras claves
config-reach-namespace = `namespace` debe ser el nombre de un espacio de nombres
config-reach-endpoint-unknown-key = clave desconocida `{ $key }` en un extremo; se esperaba `namespace`, `namespaceSelector`, `pods` o `cidr`
config-audit-mapping = `audit-log` debe ser un mapa
config-audit-network = `{ $value }` no es una dirección ni un rango CIDR
config-audit-entries-non-empty = las entradas de `{ $key }` deben ser cadenas no vacías
config-audit-thresholds = `thresholds` debe asociar nombres de detección a `{ "{" }count, window{ "}" }`
config-audit-threshold = un umbral es un mapa con `count` y `window`
config-audit-count = `count` debe ser un entero positivo
config-audit-window = `window` debe ser una duración positiva como `90s`, `10m` o `1h`

# `--fail-on`.
fail-on-not-a-severity = `{ $value }` no es una severidad (critical, high, medium, low, info o none)

# `ladrillo audit-log`: la línea de órdenes.
audit-bad-time = `{ $value }` no es un instante: use RFC 3339 (2025-06-01T10:00:00Z), una fecha o una antigüedad (90m, 12h, 7d)
audit-empty-dir = { $path }: no hay archivos en este directorio
audit-cannot-read-dir = { $path }: no se puede leer el directorio: { $reason }
audit-no-such-path = { $path }: no existe el archivo o directorio
audit-empty-detection = nombre de detección vacío en --{ $flag } (consulte `ladrillo rules`)
audit-follow-one-file = --follow lee exactamente un archivo
audit-follow-json = --follow escribe las alertas a medida que llegan: use --format text o jsonl
audit-output-is-input = --output { $path } sobrescribiría una entrada; elija otro archivo
audit-selects-no-detection = `{ $selector }` no selecciona ninguna detección del registro de auditoría (consulte `ladrillo rules`, grupo audit)
audit-no-detection = no se ha seleccionado ninguna detección

# `ladrillo max-pods`: la tabla.
max-pods-unknown-type = tipo de instancia desconocido "{ $name }" (`ladrillo max-pods --all` lista los conocidos)
max-pods-unknown-type-suggest = tipo de instancia desconocido "{ $name }"; ¿quiso decir { $suggestions }?
max-pods-title = Máximo de pods de VPC CNI, { $mode }, con el tope de los grupos de nodos administrados de EKS (110; 250 por encima de 30 vCPU)
max-pods-mode-secondary-ip = modo de IP secundarias
max-pods-mode-prefix-delegation = delegación de prefijos
max-pods-mode-custom-networking = red personalizada
max-pods-mode-prefix-custom = delegación de prefijos con red personalizada
max-pods-col-type = TIPO DE INSTANCIA
max-pods-col-vcpus = VCPU
max-pods-col-uncapped = SIN TOPE
max-pods-col-max = MÁX. PODS
max-pods-cell-or = { $first } o { $second } *
max-pods-cell-unknown = desconocido †
max-pods-note-from-size = número de vCPU no publicado: se deduce del nombre del tamaño (large 2, xlarge 4, Nxlarge y metal-Nxl 4·N)
max-pods-note-metal = número de vCPU no publicado: una instancia bare metal tiene al menos las vCPU del tamaño mayor de su familia
max-pods-note-vcpus = número de vCPU desconocido, ni siquiera por el nombre del tamaño: el primer valor se aplica hasta 30 vCPU y el segundo por encima de 30
max-pods-note-no-eni = datos de ENI desconocidos: para este tipo solo se publica el valor del modo de IP secundarias
max-pods-note-prefix-delegation = La delegación de prefijos requiere una instancia Nitro y VPC CNI 1.9.0 o posterior.

# Por qué falló la lectura o la escritura de un archivo.
io-not-found = no existe el archivo o directorio
io-permission-denied = permiso denegado
io-already-exists = ya existe
io-is-a-directory = es un directorio
io-not-a-directory = no es un directorio
io-storage-full = no queda espacio en el dispositivo
io-read-only = sistema de archivos de solo lectura
io-directory-not-empty = el directorio no está vacío
io-invalid-data = los datos no son válidos
io-unexpected-eof = fin de archivo inesperado
io-other = error del sistema: { $reason }

and = { $first } y { $second }

# `ladrillo netpol`: alcance y explicaciones.
netpol-all-connections = todas las conexiones
netpol-no-connections = ninguna conexión
netpol-other-protocols = otros protocolos
netpol-possibly = posiblemente { $conns }
netpol-possibly-also = { $definite } (posiblemente también { $conns })
netpol-depends-on-labels = depende de etiquetas del espacio de nombres { $namespaces } que no están en la entrada
netpol-host-network-note = nota: { $workload } usa la red del host, y las políticas de red no seleccionan los pods con hostNetwork (Kubernetes los deja al plugin de red; la mayoría trata su tráfico como el del nodo), así que se muestra sin restricciones
netpol-matrix-all = todo
netpol-matrix-head = de \ a
netpol-no-workload = no hay ninguna carga de trabajo `{ $name }` en la entrada (escriba espacio-de-nombres/nombre[Kind], una dirección o un CIDR)
netpol-ambiguous = `{ $name }` es ambiguo: { $candidates }
netpol-bad-port = `{ $value }` no es PUERTO ni PUERTO/PROTOCOLO
netpol-port-is-path = { $message }; para leer `{ $path }`, indíquelo con `-f { $path }`
netpol-bad-protocol = `{ $value }` no es TCP, UDP ni SCTP
netpol-focus-not-workload = --focus `{ $value }` debe nombrar una carga de trabajo
netpol-policy-ignored = se ignora { $object }: { $why } ({ $path })
netpol-direction-ingress = entrada
netpol-direction-egress = salida
netpol-side = { $direction } de { $who }
netpol-side-outside = { $side }: fuera del clúster, no la regula ninguna política de red
netpol-side-host-network = { $side }: usa la red del host, y las políticas de red no seleccionan los pods con hostNetwork (Kubernetes los deja al plugin de red; la mayoría trata su tráfico como el del nodo), así que se muestra sin restricciones: { $conns }
netpol-side-not-isolated = { $side }: sin aislar (ninguna política de red que regule la { $direction } lo selecciona): { $conns }
netpol-side-isolated = { $side }: aislada por { $policies }
netpol-side-no-rules = no hay reglas de { $direction }: no se permite nada
netpol-side-allows = la { $direction } permite: { $conns }
netpol-rule-named-ports-none = coincide, pero sus puertos con nombre no se resuelven en nada aquí
netpol-rule-allows = permite { $conns }
netpol-rule-possibly-allows = posiblemente permite { $conns } (etiquetas del espacio de nombres que no están en la entrada)
netpol-rule-no-match = no coincide con este extremo
netpol-no-source = sin origen
netpol-verdict = veredicto: { $port } { $verdict }
netpol-verdict-allowed = permitido
netpol-verdict-possibly = posiblemente permitido: depende de etiquetas del espacio de nombres { $namespaces } que no están en la entrada
netpol-verdict-blocked = bloqueado por { $by }
comma-list = { $first }, { $second }

# Errores de la línea de órdenes (los que clap escribe en inglés).
clap-unknown-argument = argumento inesperado '{ $arg }'
clap-invalid-subcommand = orden desconocida '{ $name }'
clap-invalid-value = valor no válido '{ $value }' para '{ $arg }'
clap-value-required = '{ $arg }' necesita un valor, pero no se ha dado ninguno
clap-possible-values = [valores posibles: { $values }]
clap-missing-required = faltan estos argumentos obligatorios:
clap-missing-subcommand = '{ $name }' necesita una orden, pero no se ha dado ninguna
clap-subcommands = [órdenes: { $values }]
clap-conflict = el argumento '{ $arg }' no se puede usar junto con { $other }
clap-conflict-repeated = el argumento '{ $arg }' no se puede usar más de una vez
clap-conflict-others = alguno de los demás argumentos dados
clap-no-equals = hace falta un signo igual para dar valores a '{ $arg }'
clap-too-many-values = valor inesperado '{ $value }' para '{ $arg }'; no se esperaban más
clap-wrong-number-of-values = '{ $arg }' necesita { $expected } valores, pero se han dado { $actual }
clap-invalid-utf8 = uno o más argumentos no son UTF-8 válido
clap-similar-subcommand = existe una orden parecida: { $names }
clap-similar-argument = existe un argumento parecido: { $names }
clap-similar-value = existe un valor parecido: { $names }
clap-tip-as-value = para pasar '{ $arg }' como valor, use '-- { $arg }'
clap-tip = consejo: { $tip }
clap-usage = Uso:
clap-more-information = Para más información, pruebe '--help'.
help-subcommand = Muestra esta ayuda o la de las órdenes indicadas
help-possible-values-heading = Valores posibles:
help-heading-arguments = Argumentos
help-heading-options = Opciones
help-heading-commands = Órdenes
help-default = [por defecto: { $value }]
help-possible-values = [valores posibles: { $values }]

# `ladrillo init`: problemas de la petición.
init-flag = { $flag }: { $message }
init-name-required = falta --name (el nombre del clúster, p. ej. --name mi-cluster)
init-region-required = falta --region (p. ej. --region us-east-1)
init-not-a-region = --region `{ $region }` no es el nombre de una región de AWS (se espera, p. ej., us-east-1 o eu-west-3)
init-unknown-version = --version `{ $version }` no es una versión de Kubernetes para la que ladrillo sepa generar (conocidas: { $known })
init-newer-ladrillo = una versión más reciente de ladrillo
init-version-left-extended = --version { $version } salió del soporte extendido de EKS el { $date }; use { $current }
init-version-left-standard = --version { $version } salió del soporte estándar de EKS el { $date }; use { $current }, o añada --extended-support para aceptar el soporte extendido (con un coste adicional por hora de clúster, hasta el { $until })
init-zone-not-of-region = --zones: `{ $zone }` no es una zona de disponibilidad de la región `{ $region }`
init-given-twice = { $flag }: `{ $value }` aparece dos veces
init-zones-two = --zones necesita al menos dos zonas de disponibilidad, para que los nodos sobrevivan a la caída de una zona
init-min-above-desired = --nodes-min ({ $min }) es mayor que --nodes ({ $desired }): mantenga mínimo ≤ deseado ≤ máximo
init-desired-above-max = --nodes ({ $desired }) es mayor que --nodes-max ({ $max }): mantenga mínimo ≤ deseado ≤ máximo
init-max-zero = --nodes-max debe ser al menos 1
init-max-too-large = --nodes-max ({ $max }) supera los 1000 nodos que admite un grupo de nodos administrado
init-instance-types-without-spot = --instance-types es para grupos de nodos spot: añada --spot o use --node-type
init-node-type-and-instance-types = indique --node-type o --instance-types, no ambos
init-unknown-architecture = { $flag }: la arquitectura de CPU de `{ $instance }` no está en la tabla de instancias de ladrillo (data/instance-vcpus.tsv) y la AMI del grupo de nodos depende de ella; elija otro tipo
init-mixed-architectures = --instance-types mezcla tipos arm64 (Graviton) y x86_64 ({ $types }); un grupo de nodos funciona con una sola arquitectura
init-spot-two-types = --spot necesita al menos dos tipos de instancia (--instance-types m5.large,m5a.large) para que una sola interrupción no se lleve todos los nodos
init-unknown-instance-type = { $flag }: `{ $instance }` no es un tipo de instancia EC2 conocido
init-unknown-instance-type-suggest = { $flag }: `{ $instance }` no es un tipo de instancia EC2 conocido (¿quiso decir { $suggestions }?)
init-private-with-cidrs = --private no tiene punto de enlace público: quite --public-access-cidrs
init-private-eu-south-1 = --private: eksctl no admite clústeres totalmente privados en eu-south-1
init-choose-endpoint = elija cómo llegará al servidor de API: --public-access-cidrs SUS_CIDR (un punto de enlace público abierto solo a sus rangos; los nodos usan el privado) o --private (un clúster totalmente privado, al que se llega desde dentro de la VPC). De otro modo, eksctl no puede crear un clúster cuyo único punto de enlace sea privado
init-bad-account-id = --account-id `{ $value }` no es un ID de cuenta de AWS de 12 dígitos
init-tag-size = --tags: `{ $key }={ $value }` necesita una clave de 1 a 128 caracteres y un valor de 0 a 256
init-tag-reserved = --tags: `{ $key }` usa el prefijo reservado aws:
init-too-many-tags = --tags: 40 etiquetas como máximo (AWS admite 50 y eksctl añade las suyas)
init-tag-not-key-value = --tags: `{ $value }` no tiene la forma clave=valor
init-bad-name = `{ $name }` no es un nombre válido: empiece por una letra y siga con letras, dígitos y guiones (100 caracteres como máximo)
init-cidr-not-cidr = `{ $cidr }` no es un CIDR (a.b.c.d/n)
init-cidr-not-ipv4 = `{ $cidr }` no es un CIDR IPv4
init-cidr-bad-prefix = `{ $cidr }` tiene una longitud de prefijo no válida
init-cidr-too-wide = `{ $cidr }` abre el punto de enlace de la API a buena parte de internet; use sus propios rangos
init-cidr-host-bits = `{ $cidr }` tiene bits de host activados; escriba la dirección de red
init-cidr-not-public = `{ $cidr }` no es un rango de direcciones públicas, así que nada en él puede llegar a un punto de enlace público; indique las direcciones públicas desde las que se conecta, o use --private para llegar al clúster desde dentro de la VPC
init-not-kms-arn = `{ $arn }` no es el ARN de una clave de KMS (arn:aws:kms:REGIÓN:CUENTA:key/ID)
init-kms-region = la clave está en { $key_region }, pero EKS necesita una clave de la región del clúster, { $region }
init-not-role-arn = `{ $arn }` no es el ARN de un rol de IAM (arn:aws:iam::CUENTA:role/NOMBRE)
init-not-namespace = `{ $name }` no es un nombre de espacio de nombres válido (minúsculas, dígitos y guiones)
init-reserved-namespace = `{ $name }` está reservado; los espacios de nombres de las aplicaciones deben ser propios

# `ladrillo init`: lo que ha hecho.
init-hardened = cambios de endurecimiento en { $file }:
init-wrote = { $count ->
        [one] escrito { $count } archivo en { $dir }
       *[other] escritos { $count } archivos en { $dir }
    }
init-placeholder-account = el ID de cuenta de AWS { $account } es provisional: vuelva a ejecutar con --account-id
init-next = siguiente paso: lea { $readme }

# Un texto que se muestra tal como está escrito, donde se espera un mensaje.
as-written = { $text }

# Valores que la línea de órdenes rechaza.
arg-pss-level = debe ser privileged, baseline o restricted
arg-pss-version = debe ser "latest" o "v1.x"
pss-version-newer = la versión { $version } de Pod Security es posterior a { $newest }, la más reciente que ladrillo conoce: se evalúa como { $newest }, igual que el controlador de admisión evalúa una versión posterior a la suya
pss-release-newer = Kubernetes { $release } es posterior a { $newest }, la versión más reciente cuyas comprobaciones de Pod Security conoce ladrillo: sus comprobaciones se evalúan como las de { $newest }
arg-kubernetes-version = debe ser una versión de Kubernetes como 1.30
arg-whole-number-range = debe ser un número entero de { $min } a { $max }
arg-whole-number-min = debe ser un número entero igual o mayor que { $min }
glob-invalid = glob no válido `{ $glob }`: { $reason }
glob-too-long = glob no válido: tiene más de { $max } caracteres
glob-too-many-wildcards = glob no válido: tiene más de { $max } comodines
glob-unclosed-class = una clase de caracteres abierta con `[` no se cierra con `]`
glob-invalid-range = el rango de caracteres `{ $from }-{ $to }` está invertido
glob-unopened-alternates = una `{ "}" }` no cierra ninguna `{ "{" }`
glob-unclosed-alternates = una `{ "{" }` no se cierra con `{ "}" }`
glob-nested-too-deep = las alternativas `{ "{" }…{ "}" }` están anidadas a demasiada profundidad
glob-dangling-escape = termina con una `\` que no escapa nada
glob-other = no se puede compilar: { $detail }

# `ladrillo init`: escritura del paquete.
bundle-cannot-read = no se puede leer { $path }: { $reason }
bundle-cannot-create = no se puede crear { $path }: { $reason }
bundle-cannot-open = no se puede abrir { $path }: { $reason }
bundle-cannot-write = no se puede escribir { $path }: { $reason }
bundle-out-is-link = { $path } es un enlace simbólico; indique el propio directorio como --out (init nunca escribe a través de enlaces)
bundle-out-not-dir = { $path } existe y no es un directorio
bundle-out-not-empty = { $path } no está vacío; elija otro --out, o añada --force para sobrescribir ahí los archivos del paquete (no se toca nada más)
bundle-link-inside = { $path } es un enlace simbólico; init nunca escribe a través de enlaces dentro de --out: elimínelo o elija otro --out
bundle-needs-dir = { $path } no es un directorio; el paquete necesita uno ahí
bundle-needs-file = { $path } es un directorio; el paquete necesita un archivo ahí
bundle-not-regular = { $path } no es un archivo normal

# `--output` sobrescribiría una entrada.
output-would-overwrite = { $output } sobrescribiría { $what }; elija otro archivo
output-same-file = { $first } y { $second } nombran el mismo archivo, { $path }: uno sobrescribiría el otro; elija otro archivo
output-overwrites-stdin = la entrada estándar, que es el mismo archivo
output-overwrites-input = la entrada { $path }
output-overwrites-config = la configuración { $path }
output-overwrites-input-in = una entrada de { $path }
output-overwrites-same-file = la entrada { $path }, que es el mismo archivo

# `ladrillo rbac`: sujetos y verbos.
rbac-mapped-by = { $principal } (asignado por { $source })
rbac-arn-not-mapped = ninguna entrada de aws-auth de las entradas asigna la entidad de IAM `{ $principal }`
rbac-unknown-verb = `{ $verb }` no es un verbo que Kubernetes defina; solo coinciden las reglas que lo nombran o usan `*`
rbac-subject-form = el sujeto `{ $subject }` debe escribirse User:NOMBRE, Group:NOMBRE o ServiceAccount:ESPACIO_DE_NOMBRES/NOMBRE
rbac-subject-sa-namespace = el sujeto ServiceAccount `{ $subject }` debe indicar su espacio de nombres: ServiceAccount:ESPACIO_DE_NOMBRES/NOMBRE
rbac-subject-kind = tipo de sujeto desconocido `{ $kind }` en `{ $subject }`; use User, Group o ServiceAccount
rbac-subject-empty-name = el sujeto `{ $subject }` tiene el nombre vacío
rbac-subject-empty-namespace = el sujeto `{ $subject }` tiene el espacio de nombres vacío
rbac-empty-verb = el verbo está vacío
rbac-empty-namespace = el espacio de nombres está vacío
rbac-empty-name = el nombre del objeto está vacío
rbac-resource-form = el recurso `{ $resource }` debe ser RECURSO o RECURSO/SUBRECURSO
rbac-unknown-resource = recurso desconocido `{ $resource }`; nombre un recurso integrado en plural (`pods`) o escriba RECURSO.GRUPO (`widgets.example.com`)
rbac-resource-empty = el recurso `{ $resource }` tiene el nombre vacío
rbac-unknown-resource-input = recurso desconocido `{ $resource }`: no es integrado, y ningún Role, ClusterRole ni CustomResourceDefinition de la entrada lo nombra; escriba RECURSO.GRUPO (`{ $resource }.example.com`)

# `init --from`: qué cambió al endurecer un archivo de eksctl, y por qué.
init-from-no-cluster-config = { $file }: no se encontró ningún ClusterConfig de eksctl (apiVersion: eksctl.io/v1alpha5)
init-from-several = { $file }: se encontraron { $count } ClusterConfig de eksctl; indique un archivo que solo tenga el que se quiere endurecer
init-from-not-a-number = { $key }: { $value } no es un número de nodos
init-from-version-unsupported = metadata.version: { $version } → { $default } (ladrillo genera para versiones con soporte estándar de EKS, guide:G2.1)
init-from-version-unset = metadata.version: sin fijar → { $default } (fije una versión con soporte; los complementos se fijan a ella, guide:G2.1)
init-from-endpoint-choice = abierto solo a los rangos indicados con --public-access-cidrs, o un clúster totalmente privado con --private (CIS 5.4.1, 5.4.2; guide:G5.4)
init-from-private-endpoint-only = vpc.clusterEndpoints: solo punto de enlace privado, que eksctl no puede crear fuera de un clúster totalmente privado → { $choice }
init-from-public-endpoint-open = vpc.clusterEndpoints: punto de enlace público abierto a { $cidrs } → { $choice }
init-from-default-cidr = 0.0.0.0/0 (el valor por defecto)
init-from-private-access = vpc.clusterEndpoints.privateAccess: → true, manteniendo el punto de enlace público para los CIDR indicados (CIS 5.4.2)
init-from-secrets = secretsEncryption: ninguno → una clave de KMS propia con rotación (CIS 5.3.1, guide:G4.6)
init-from-logs = cloudWatch.clusterLogging.enableTypes: [{ $types }] → los cinco tipos, conservados 365 días (CIS 2.1.1, 2.1.2; guide:G5.2)
init-from-oidc = iam.withOIDC: false → true, con un rol de IRSA por carga de trabajo (guide:G3.2, CIS 5.2.1)
init-from-auth-mode = accessConfig.authenticationMode: { $mode } → API, entradas de acceso en lugar de aws-auth (CIS 4.1.7, guide:G4.2)
init-from-default-auth-mode = API_AND_CONFIG_MAP (el valor por defecto)
init-from-creator-admin = accessConfig.bootstrapClusterCreatorAdminPermissions: true → false, administradores mediante entradas de acceso explícitas (CIS 4.1.1)
init-from-aws-auth = iamIdentityMappings: eliminado; las entradas de acceso sustituyen al ConfigMap aws-auth (guide:G4.2)
init-from-self-managed = nodeGroups: autoadministrados → managedNodeGroups, que EKS actualiza y vacía (guide:G5.1)
init-from-first-node-group = grupos de nodos: solo se conserva el primero de { $count }; añada los demás con los mismos ajustes
init-from-spot = spot: true con menos de dos tipos de instancia → bajo demanda (una interrupción se llevaría todos los nodos, guide:G5.6)
init-from-node-setting = grupo de nodos { $name }: { $field }: { $what }
init-from-private-networking = false → true, nodos en subredes privadas (CIS 5.4.3)
init-from-volume-encrypted = sin fijar → true, volúmenes raíz gp3 cifrados (guide:G4.7)
init-from-imdsv1 = false → true, solo IMDSv2 (guide:G3.2)
init-from-pod-imds = false → true, los pods no pueden tomar el rol del nodo (guide:G3.2)
init-from-ssh = true → false, SSM en lugar de SSH
