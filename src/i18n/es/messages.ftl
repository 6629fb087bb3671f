# Hallazgos: el mensaje de cada hallazgo y sus notas, con los ids `rule-<código>-<qué>`, y los
# fragmentos que comparten varias reglas. Un mensaje es una frase en minúscula sin punto final.
# Los identificadores (nombres de campo, valores, tipos) se dejan como se escriben.

## Fragmentos compartidos

field-not-set = { $field } no está definido
field-is = { $field } vale { $value }

container-regular = el contenedor "{ $name }"
container-init = el contenedor de inicio "{ $name }"
container-ephemeral = el contenedor efímero "{ $name }"
container-regular-unnamed = el contenedor sin nombre containers[{ $index }]
container-init-unnamed = el contenedor de inicio sin nombre initContainers[{ $index }]
container-ephemeral-unnamed = el contenedor efímero sin nombre ephemeralContainers[{ $index }]

# Nota de un hallazgo que engloba el de otra regla en el mismo lugar (`scan::implied`).
finding-implies = implica { $name } ({ $code }), que no se informa por separado: { $message }

## pod

rule-pod001-message = { $container } se ejecuta en modo privilegiado
rule-pod002-root = { $container } se ejecuta como root: define runAsUser=0
rule-pod002-root-pod = { $container } se ejecuta como root: el pod define runAsUser=0
rule-pod002-may-root = { $container } puede ejecutarse como root: { $why }
rule-pod003-message = { $container } añade la capacidad { $capability }
rule-pod003-all = { $container } añade todas las capacidades (ALL)
rule-pod003-all-as = { $container } añade todas las capacidades con "{ $written }"
rule-pod003-note-sys-admin = SYS_ADMIN equivale casi a root en el nodo; la guía pide no conceder SYS_ADMIN (G4.3)
rule-pod003-note-all = ALL incluye SYS_ADMIN; la guía pide no conceder SYS_ADMIN (G4.3)
rule-pod004-message = { $container } no descarta todas las capacidades: { $why }
rule-pod004-misspelled = descarta "{ $spelled }", pero Pod Security Admission solo acepta exactamente la cadena "ALL"
rule-pod004-no-all = la lista drop no contiene "ALL"
rule-pod005-message = { $container } permite la escalada de privilegios: { $why }
rule-pod005-privileged = se ejecuta en modo privilegiado
rule-pod005-sys-admin = añade SYS_ADMIN
rule-pod005-forced = allowPrivilegeEscalation siempre es true cuando { $cause }
rule-pod005-forced-anyway = allowPrivilegeEscalation siempre es true cuando { $cause }, valga lo que valga
rule-pod005-true-forced = allowPrivilegeEscalation vale true (y siempre lo es cuando { $cause })
rule-pod005-default = allowPrivilegeEscalation no está definido y por defecto es true
rule-pod006-message = { $container } tiene un sistema de archivos raíz con escritura: { $why }
rule-pod007-message = el pod comparte el espacio de nombres de red del nodo
rule-pod007-note = llega al servicio de metadatos de la instancia, y al rol de IAM del nodo, incluso con un límite de saltos de IMDS de 1
rule-pod008-message = el pod comparte el espacio de nombres de procesos del nodo
rule-pod009-message = el pod comparte el espacio de nombres IPC del nodo
rule-pod010-message = { $container } ocupa el puerto { $port } del nodo
rule-pod010-invalid = { $container } tiene un hostPort no válido, así que el servidor de API rechaza el pod: el puerto { $port } no está entre 1 y 65535
rule-pod011-message = el volumen "{ $volume }" monta la ruta del nodo "{ $path }"
rule-pod011-is = { $path }: { $why }
rule-pod011-contains = contiene { $path }: { $why }
rule-pod011-whole = / es todo el sistema de archivos del nodo
rule-pod011-pipe = la tubería con nombre del entorno de ejecución de contenedores, que controla todos los contenedores del nodo
rule-pod011-etc = la configuración y las credenciales del nodo
rule-pod011-root = el directorio personal y las claves de root
rule-pod011-home = los directorios personales y las claves de los usuarios
rule-pod011-runtime-socket = el socket del entorno de ejecución de contenedores, que controla todos los contenedores del nodo
rule-pod011-kubelet = el estado del kubelet, con los tokens y secretos de todos los pods del nodo
rule-pod011-runtime-state = el estado del entorno de ejecución de contenedores: el sistema de archivos de cada contenedor
rule-pod011-proc = las interfaces del kernel y de procesos del nodo
rule-pod011-sys = las interfaces del kernel del nodo
rule-pod011-dev = los dispositivos del nodo
rule-pod011-boot = el kernel y el gestor de arranque del nodo
rule-pod011-log = los registros del nodo; con permiso de escritura, un pod puede leer cualquier archivo del nodo a través del kubelet
rule-pod012-message = { $container } no tiene solicitud de { $resource ->
        [memory] memoria
       *[other] CPU
    }
rule-pod012-both = { $container } no tiene solicitudes de CPU ni de memoria
rule-pod013-message = { $container } no tiene límite de { $resource ->
        [memory] memoria
       *[other] CPU
    }
rule-pod013-both = { $container } no tiene límites de CPU ni de memoria
rule-pod014-message = { $container } no tiene sonda de actividad (livenessProbe)
rule-pod015-message = { $container } no tiene sonda de disponibilidad (readinessProbe)
rule-pod016-no-tag = { $container } usa la imagen "{ $image }" sin etiqueta, lo que equivale a latest
rule-pod016-latest = { $container } usa la imagen "{ $image }" con la etiqueta latest
rule-pod017-message = { $container } usa la imagen "{ $image }", que no está fijada por digest
rule-pod018-message = { $container } puede ejecutar una imagen en caché: { $why } y "{ $image }" no está fijada por digest
rule-pod018-default = imagePullPolicy vale { $policy } por defecto para una imagen con etiqueta
rule-pod019-message = el pod se ejecuta con la cuenta de servicio "default"
rule-pod019-empty = el pod se ejecuta con la cuenta de servicio "default": serviceAccountName está vacío
rule-pod019-unset = el pod se ejecuta con la cuenta de servicio "default": serviceAccountName no está definido
rule-pod020-message = el pod monta un token de la API de la cuenta de servicio "{ $account }": { $why }
rule-pod020-account-true = automountServiceAccountToken no está definido en el pod y su cuenta de servicio lo pone a true
rule-pod020-neither = automountServiceAccountToken no está definido ni en el pod ni en su cuenta de servicio
rule-pod020-note = la cuenta de servicio "{ $account }" del espacio de nombres "{ $namespace }" no está en el análisis; analícela junto con la carga de trabajo si define automountServiceAccountToken: false
rule-pod021-message = { $container } vuelve a definir la variable de entorno "{ $name }" (la primera está en env[{ $first }]); prevalece la última
rule-pod022-message = { $container } monta la ruta del host "{ $path }" (volumen "{ $volume }") con escritura
rule-pod023-container = { $container } expone el puerto 22 (SSH)
rule-pod023-service-port = el puerto 22 (SSH) del Service está expuesto
rule-pod023-service-target = el puerto { $port } del Service reenvía al puerto 22 (SSH)
rule-pod024-message = el pod define entradas de /etc/hosts para { $names } mediante hostAliases
rule-pod024-no-names = el pod define entradas de /etc/hosts mediante hostAliases
rule-pod025-message = los contenedores del pod comparten un mismo espacio de nombres de procesos
rule-pod026-message = { $container } puede usar { $limit } de memoria pero solicita { $request } ({ $ratio } veces más)
rule-pod027-message = { $container } usa la imagen "{ $image }", que no es una referencia de imagen que el kubelet pueda descargar: { $why }
rule-pod028-type = el servidor de API rechaza la plantilla de pod: { $field } debe ser { $expected }, pero es { $found }
rule-pod028-required = el servidor de API rechaza la plantilla de pod: { $field } es obligatorio
rule-pod028-invalid = el servidor de API rechaza la plantilla de pod: { $field }: { $why }
image-malformed-empty = está vacía
image-malformed-character = contiene `{ $character }`, que ninguna referencia de imagen admite
image-malformed-empty-digest = el digest tras `@` está vacío
image-malformed-digest-hex = el digest `{ $digest }` no tiene { $digits } dígitos hexadecimales
image-malformed-digest = el digest `{ $digest }` no tiene la forma algoritmo:codificación
image-malformed-empty-tag = la etiqueta tras `:` está vacía
image-malformed-tag = la etiqueta `{ $tag }` no es una etiqueta válida
image-malformed-repository = la ruta del repositorio `{ $repository }` tiene una parte vacía o caracteres que una ruta no admite
image-malformed-registry = `{ $registry }` no es un registro host[:puerto]

## network

net-all-connections = todas las conexiones
net-assertion = de `{ $from }` a `{ $to }`
net-assertion-port = de `{ $from }` a `{ $to }` en { $protocol } { $port }
rule-net001-node-ports = puertos de nodo
rule-net001-port = el puerto { $port }
rule-net001-ports = los puertos { $ports }
rule-net001-node-port = el Service "{ $name }" es de tipo NodePort: abre { $which } en todos los nodos
rule-net001-no-ranges = sin loadBalancerSourceRanges
rule-net001-open-to = abierto a { $cidr }
rule-net001-load-balancer = el Service "{ $name }" es un balanceador de carga expuesto a internet { $open }
rule-net001-scheme = su aws-load-balancer-scheme es internet-facing
rule-net001-default-scheme = el esquema por defecto del proveedor de nube de AWS es internet-facing, y no se define ni aws-load-balancer-scheme: internal ni aws-load-balancer-internal: "true"
rule-net101-message = el espacio de nombres "{ $namespace }" no tiene una NetworkPolicy de denegación por defecto { $direction ->
        [ingress] de entrada
       *[egress] de salida
    }
rule-net101-note = se informa en la primera carga de trabajo de "{ $namespace }": la entrada no tiene un objeto Namespace para ese espacio de nombres
rule-net103-message = ninguna NetworkPolicy selecciona los pods de { $workload }: aceptan y abren cualquier conexión
rule-net103-host-network = los pods de { $workload } usan la red del host, donde NetworkPolicy no los aísla
rule-net104-message = el podSelector `{ $selector }` no coincide con ninguna carga de trabajo del espacio de nombres "{ $namespace }" en el análisis
rule-net105-every-source = la regla de entrada permite cualquier origen ({ $conns })
rule-net105-every-pod = la regla de entrada permite todos los pods de todos los espacios de nombres
rule-net105-every-address = la regla de entrada permite cualquier dirección (`{ $cidr }`)
rule-net106-deny = { $src } => { $dst } : { $allowed } incumple la aserción de denegación { $assertion }
rule-net106-deny-maybe = { $src } => { $dst } puede estar permitido ({ $allowed }), en contra de la aserción de denegación { $assertion }
rule-net106-allow = { $src } no puede alcanzar { $dst } (permitido: { $allowed }), en contra de la aserción de permiso { $assertion }
rule-net106-allow-maybe = { $src } => { $dst } solo está permitido posiblemente, no con certeza, para la aserción de permiso { $assertion }
rule-net106-note = depende de etiquetas del espacio de nombres "{ $namespace }", que la entrada no declara
rule-net106-empty = `{ $side }` de la aserción de { $kind ->
        [deny] denegación
       *[allow] permiso
    } { $assertion } no coincide con nada del análisis
rule-net107-message = el servidor de API rechaza esta NetworkPolicy: { $why }
rule-net108-message = el selector `{ $selector }` no coincide con ninguna carga de trabajo del espacio de nombres "{ $namespace }" en el análisis
rule-net109-missing = el Service de backend "{ $name }" no está entre los Services del espacio de nombres "{ $namespace }"
rule-net109-no-port = el Service "{ $name }" no tiene el puerto { $port }
rule-net110-message = targetPort "{ $name }" no es el nombre de un puerto de contenedor de { $workloads }
rule-net111-message = el Service recibe el tráfico de la IP externa { $ips } en todo el clúster
rule-net112-message = el Ingress sirve HTTP sin cifrar: no tiene spec.tls ni una anotación de listener HTTPS

## pss

# El nivel con el que se juzga una carga de trabajo, y por qué (`rules/pss/target.rs`).
pss-origin-configured = { $policy } es el nivel objetivo fijado con `pss:` en .ladrillo.yaml
pss-origin-default = { $policy } es el nivel objetivo por defecto de ladrillo (fije otro con `pss:` en .ladrillo.yaml)
pss-why-enforced-invalid = el espacio de nombres "{ $namespace }" tiene una etiqueta enforce no válida, que el servidor de API interpreta como { $policy }: rechaza estos pods
pss-why-enforced = el espacio de nombres "{ $namespace }" aplica { $policy }: el servidor de API rechaza estos pods
pss-why-unlabelled = no se aplica: el espacio de nombres "{ $namespace }" no tiene la etiqueta { $label }, así que la admisión de Pod Security admite estos pods (EKS aplica privileged por defecto); { $origin }
pss-why-absent = no consta que se aplique: el espacio de nombres "{ $namespace }" no está en la entrada, así que se desconoce su etiqueta enforce (sin ella, EKS admite cualquier pod: privileged); { $origin }
pss-violates = incumple PodSecurity "{ $policy }"
pss-target = no cumple el nivel objetivo de Pod Security "{ $policy }" ({ $whose }; { $admission })
pss-whose-configured = fijado con `pss:`
pss-whose-default = el predeterminado de ladrillo
pss-admission-unlabelled = la admisión no lo aplica
pss-admission-unknown = no consta que la admisión lo aplique
pss-emulation = evaluado como lo hace el servidor de API de Kubernetes 1.{ $release } (`pss.kubernetes-version`)
# El motivo de un control: qué significa, y entre comillas la frase del servidor de API tal cual.
pss-check-app-armor-profile = perfil de AppArmor no permitido (Pod Security Admission: «{ $upstream }»)
pss-check-capabilities-baseline = añade capacidades fuera de la lista de baseline (Pod Security Admission: «{ $upstream }»)
pss-check-host-namespaces = comparte espacios de nombres del nodo (Pod Security Admission: «{ $upstream }»)
pss-check-host-path-volumes = monta volúmenes hostPath (Pod Security Admission: «{ $upstream }»)
pss-check-host-ports = ocupa puertos del nodo (Pod Security Admission: «{ $upstream }»)
pss-check-host-probes = sondas o manejadores de ciclo de vida que apuntan a otro host (Pod Security Admission: «{ $upstream }»)
pss-check-privileged = contenedores en modo privilegiado (Pod Security Admission: «{ $upstream }»)
pss-check-proc-mount = procMount distinto de Default (Pod Security Admission: «{ $upstream }»)
pss-check-selinux-options = opciones de SELinux no permitidas (Pod Security Admission: «{ $upstream }»)
pss-check-seccomp-baseline = perfil seccomp Unconfined (Pod Security Admission: «{ $upstream }»)
pss-check-sysctls = sysctls no seguros (Pod Security Admission: «{ $upstream }»)
pss-check-windows-host-process = contenedores HostProcess de Windows (Pod Security Admission: «{ $upstream }»)
pss-check-allow-privilege-escalation = no impide la escalada de privilegios (Pod Security Admission: «{ $upstream }»)
pss-check-capabilities-restricted = no descarta todas las capacidades o añade alguna distinta de NET_BIND_SERVICE (Pod Security Admission: «{ $upstream }»)
pss-check-restricted-volumes = usa tipos de volumen no permitidos (Pod Security Admission: «{ $upstream }»)
pss-check-run-as-non-root = no exige ejecutarse como usuario distinto de root (Pod Security Admission: «{ $upstream }»)
pss-check-run-as-user = se ejecuta como root con runAsUser=0 (Pod Security Admission: «{ $upstream }»)
pss-check-seccomp-restricted = no define un perfil seccomp RuntimeDefault o Localhost (Pod Security Admission: «{ $upstream }»)
# Tipos de campo que espera y encuentra el servidor de API.
pss-type-a-boolean = un booleano
pss-type-a-string = una cadena
pss-type-a-list = una lista
pss-type-an-object = un objeto
pss-type-an-int32 = un entero de 32 bits
pss-type-an-integer = un entero
pss-type-other = { $name }
pss-type-int-or-string = un entero o una cadena
pss-type-quantity = una cantidad
pss-found-null = un valor nulo
pss-found-boolean = un booleano
pss-found-string = una cadena
pss-found-array = una lista
pss-found-object = un objeto
pss-found-number = el número { $value }
pss-invalid-object = objeto no válido: { $field } debe ser { $expected }, pero es { $found }
pss-invalid-field = { $field } debe ser { $expected }, pero es { $found }

rule-pss001-message = { $policy }: { $reason }
rule-pss001-invalid = los pods no se pueden admitir: { $field } debe ser { $expected }, pero es { $found }
rule-pss001-note-unnamed = `""` en el motivo es el contenedor sin nombre: { $containers }
rule-pss001-note = { $why }; control pss:{ $level }:{ $control }
rule-pss001-note-controller = el servidor de API acepta el { $kind } con un aviso y rechaza todos los pods que crea
rule-pss002-message = el espacio de nombres "{ $namespace }" no tiene la etiqueta { $label }, así que se admite cualquier pod
rule-pss003-message = el espacio de nombres "{ $namespace }" aplica el nivel privileged, que admite cualquier pod
rule-pss004-unknown = la etiqueta { $label } no es una etiqueta de Pod Security (el controlador de admisión la ignora)
rule-pss004-version = la etiqueta { $label } tiene el valor "{ $value }", pero debe ser "latest" o "v1.x"
rule-pss004-level = la etiqueta { $label } tiene el valor "{ $value }", pero debe ser privileged, baseline o restricted
rule-pss005-audit = quedaría anotado en el registro de auditoría como incumplimiento de PodSecurity "{ $policy }": { $reason }
rule-pss005-warn = recibiría un aviso: incumpliría PodSecurity "{ $policy }": { $reason }
rule-pss005-both = recibiría un aviso y un registro de auditoría: incumpliría PodSecurity "{ $policy }": { $reason }
rule-pss005-note-audit = la etiqueta `audit` del espacio de nombres "{ $namespace }" pide { $policy }; control pss:{ $level }:{ $control }
rule-pss005-note-warn = la etiqueta `warn` del espacio de nombres "{ $namespace }" pide { $policy }; control pss:{ $level }:{ $control }
rule-pss005-note-both = las etiquetas `audit` y `warn` del espacio de nombres "{ $namespace }" piden { $policy }; control pss:{ $level }:{ $control }

## rbac

rule-rbac019-not-set = la cuenta de servicio default del espacio de nombres "{ $namespace }" no define automountServiceAccountToken: false, así que los pods que no nombran una cuenta de servicio reciben un token de la API
rule-rbac019-true = la cuenta de servicio default del espacio de nombres "{ $namespace }" define automountServiceAccountToken a true, así que los pods que no nombran una cuenta de servicio reciben un token de la API
rbac-subject = el sujeto { $subject }
rbac-scope-cluster = en todo el clúster
rbac-scope-namespace = en el espacio de nombres { $namespace }
rbac-action-cluster-admin = tiene derechos de cluster-admin
rbac-action-escalate = puede escalar roles
rbac-action-bind = puede vincular roles
rbac-action-impersonate = puede suplantar identidades
rbac-action-binding-write = puede escribir vinculaciones de roles
rbac-action-pod-create = puede crear pods
rbac-action-pod-exec = puede ejecutar comandos en pods (exec)
rbac-action-pod-portforward = puede reenviar puertos a pods (port-forward)
rbac-action-node-proxy = puede hacer de proxy hacia los nodos
rbac-action-secrets-read = puede leer Secrets
rbac-action-secrets-read-named = puede leer los Secrets nombrados en resourceNames
rbac-action-token-create = puede crear tokens de cuentas de servicio
rbac-action-csr-approve = puede aprobar o firmar solicitudes de certificado
rbac-action-csr-approval = puede aprobar solicitudes de certificado
rbac-action-csr-signing = puede firmar solicitudes de certificado
rbac-action-csr-approval-signers = puede aprobar solicitudes de certificado { $count ->
        [one] del firmante
       *[other] de los firmantes
    } { $signers }
rbac-action-csr-signing-signers = puede firmar solicitudes de certificado { $count ->
        [one] del firmante
       *[other] de los firmantes
    } { $signers }
rbac-action-webhook-write = puede escribir configuraciones de webhooks de admisión
rbac-act-cluster-admin = tener derechos de cluster-admin
rbac-act-escalate = escalar roles
rbac-act-bind = vincular roles
rbac-act-impersonate = suplantar identidades
rbac-act-binding-write = escribir vinculaciones de roles
rbac-act-pod-create = crear pods
rbac-act-pod-exec = ejecutar comandos en pods (exec)
rbac-act-pod-portforward = reenviar puertos a pods (port-forward)
rbac-act-node-proxy = hacer de proxy hacia los nodos
rbac-act-secrets-read = leer Secrets
rbac-act-token-create = crear tokens de cuentas de servicio
rbac-act-csr-approve = aprobar o firmar solicitudes de certificado
rbac-act-csr-approval = aprobar solicitudes de certificado
rbac-act-csr-signing = firmar solicitudes de certificado
rbac-act-webhook-write = escribir configuraciones de webhooks de admisión
rbac-yields-cluster-admin = control total del clúster
rbac-yields-escalate = añade cualquier permiso a los roles que puede actualizar, hasta cluster-admin
rbac-yields-bind = se vincula a sí mismo cualquier rol, cluster-admin incluido
rbac-yields-impersonate = actúa como otras identidades (como system:masters si no se restringen los usuarios o grupos)
rbac-yields-binding-write = concede a cualquier sujeto los permisos que tiene
rbac-yields-pod-create = ejecuta pods con cualquier cuenta de servicio del espacio de nombres y usa su token
rbac-yields-pod-exec = ejecuta comandos en contenedores en marcha y se lleva sus tokens y secretos
rbac-yields-pod-portforward = llega a cualquier puerto de los pods en marcha, sin pasar por Services ni NetworkPolicies
rbac-yields-node-proxy = llega a la API del kubelet de todos los nodos y, a través de ella, a todos los pods
rbac-yields-secrets-read = lee todos los Secrets, tokens y credenciales incluidos
rbac-yields-secrets-read-named = lee los Secrets de esos nombres en todos los espacios de nombres a su alcance
rbac-yields-token-create = emite tokens para cuentas de servicio y actúa como ellas
rbac-yields-csr-approve = obtiene certificados de cliente emitidos para otras identidades
rbac-yields-webhook-write = intercepta o reescribe peticiones a la API, o elimina controles de admisión
rbac-yields-namespace-admin = control total del espacio de nombres
rbac-yields-impersonate-accounts = actúa como las cuentas de servicio a su alcance, con sus permisos
rbac-aggregated-from = {" "}(agregada desde { $origin })
rbac-named-only = {" "}(solo los objetos de resourceNames)
rbac-chain = cadena: { $subject } → { $binding } → { $role }{ $from } → la regla { $rule } permite { $request } { $scope }{ $names } → { $yields }
rbac-chain-principals = { $chain }; principales de IAM que entran por ella: { $principals }
rbac-then-as = después, como { $account }
rbac-holds = { $who } { $action } { $scope }
rbac-holds-partly = { $who } tiene { $request } { $scope } pero no { $missing }, así que no puede { $act } con ello
rbac-needs = no concede nada por sí solo: el sujeto necesita además { $missing } en el mismo ámbito
rbac-request-any = * sobre *
rbac-probe = { $verbs } sobre { $count ->
    [one] { $last }
   *[other] { $first } o { $last }
}
rbac-iam-role = el rol de IAM { $arn }
rbac-iam-user = el usuario de IAM { $arn }
rule-rbac001-message = la regla { $index } de { $kind } "{ $name }" permite { $what ->
        [all] todos los verbos sobre todos los recursos
        [verbs] todos los verbos
        [urls] todos los verbos sobre sus URL que no son recursos
       *[resources] todos los recursos
    }
rule-rbac002-cluster = { $who } está vinculado a { $role }, control total del clúster
rule-rbac002-namespace = { $who } está vinculado a { $role }, control total del espacio de nombres { $namespace }
rule-rbac002-masters = { $principal } está asociado al grupo system:masters ({ $source }), control total del clúster
rule-rbac002-masters-note = system:masters se autoriza antes que RBAC: ninguna vinculación puede limitarlo ni revocarlo
rule-rbac003-role-not-found = { $role } (no encontrado)
rule-rbac003-message = { $binding } concede { $role } a { $audience ->
        [authenticated] cualquier identidad autenticada
       *[anonymous] cualquiera, sin credenciales
    } ({ $subject })
rule-rbac008-message = { $who } { $action } { $scope }, donde { $account } { $gained } { $gained_scope }
rule-rbac015-message = { $who } puede crear o eliminar objetos { $scope } mediante { $role }
rule-rbac015-note = regla { $rule }{ $from }
rule-rbac016-message = { $who } puede escribir { $resource } en el espacio de nombres kube-system mediante { $role }
rule-rbac016-note = { $binding } → { $role } → regla { $rule }
rule-rbac017-message = los pods se ejecutan con el token de { $account }, que { $action } { $scope }
rule-rbac018-message = el servidor de API rechaza este selector de agregación del ClusterRole: { $why }
rule-rbac020-message = el servidor de API rechaza este { $kind }: { $why }
rule-rbac020-no-name = un sujeto necesita un `name` no vacío
rule-rbac020-kind = el tipo de sujeto `{ $kind }` no es User, Group ni ServiceAccount
rule-rbac020-user-group = el `apiGroup` de un sujeto { $kind } debe ser rbac.authorization.k8s.io, no `{ $group }`
rule-rbac020-sa-group = un sujeto ServiceAccount no lleva `apiGroup`, pero tiene `{ $group }`
rule-rbac020-sa-name = el nombre de cuenta de servicio `{ $name }` no es un subdominio DNS en minúsculas: letras a-z, dígitos, '-' y '.', y debe empezar y terminar con una letra o un dígito
rule-rbac020-sa-name-long = el nombre de la cuenta de servicio tiene más de { $max } caracteres
rule-rbac020-sa-namespace = un sujeto ServiceAccount de un ClusterRoleBinding necesita un `namespace`

## reliability

rule-rel006-message = el Pod no tiene un controlador que lo vuelva a crear
rule-rel001-scaled = lo escala el HorizontalPodAutoscaler "{ $name }"
rule-rel001-replicas = ejecuta { $count } réplicas
rule-rel001-message = { $kind } "{ $name }" { $why }, pero ningún PodDisruptionBudget selecciona sus pods
rule-rel001-note = buscado entre los PodDisruptionBudgets analizados del espacio de nombres "{ $namespace }"
rule-rel002-default = { $kind } "{ $name }" ejecuta una sola réplica: replicas no está definido (por defecto 1)
rule-rel002-message = { $kind } "{ $name }" ejecuta una sola réplica
rule-rel002-autoscaler = { $kind } "{ $name }" puede ejecutar una sola réplica: el HorizontalPodAutoscaler "{ $autoscaler }" tiene minReplicas { $min }
rule-rel002-note = se muestra en el HorizontalPodAutoscaler "{ $autoscaler }", que fija sus réplicas
rule-rel003-message = el selector `{ $selector }` no coincide con las etiquetas de la plantilla de pod de { $kind } "{ $name }"
rule-rel004-message = scaleTargetRef { $kind } "{ $name }" no está entre las cargas de trabajo del espacio de nombres "{ $namespace }" en el análisis
rule-rel005-message = el selector `{ $selector }` no coincide con ninguna carga de trabajo del espacio de nombres "{ $namespace }" en el análisis
rule-rel007-named = { $container } dirige su { $probe } al puerto "{ $port }", que no declara (sus puertos se llaman { $names })
rule-rel007-none = { $container } dirige su { $probe } al puerto "{ $port }", que no declara (no declara ningún puerto con nombre)
rule-rel008-max-zero = maxUnavailable vale { $value }, así que ningún pod que selecciona el presupuesto puede desalojarse nunca
rule-rel008-min-all = minAvailable vale { $value }, así que ningún pod que selecciona el presupuesto puede desalojarse nunca
rule-rel008-min-one = minAvailable { $value } no es menor que los pods de { $workloads } ({ $total }), así que no puede desalojarse nunca
rule-rel008-min = minAvailable { $value } no es menor que los { $total } pods de { $workloads }, así que ninguno puede desalojarse nunca
rule-rel009-message = { $container } hace en su livenessProbe la misma comprobación { $handler } que en su readinessProbe

## secrets

rule-sec005-all = { $container } lee todas las claves del Secret "{ $secret }" en variables de entorno
rule-sec005-key = { $container } lee la clave "{ $key }" del Secret "{ $secret }" en la variable de entorno "{ $name }"
list-pair = { $first }, { $second }
secret-kind-aws-access-key-id = un id de clave de acceso de AWS
secret-kind-aws-secret-access-key = una clave de acceso secreta de AWS
secret-kind-private-key = una clave privada
secret-kind-github-token = un token de GitHub
secret-kind-slack-token = un token de Slack
secret-kind-jwt = un JSON Web Token
secret-kind-url-password = una URL con contraseña
secret-kind-password = una contraseña
secret-kind-api-key = una clave de API
secret-kind-token = un token
secret-kind-secret = un secreto
secret-hint = { $hint }…
secret-line = línea { $line }
secret-under = bajo "{ $name }"
secret-with-details = { $what } ({ $details })
secret-also = también contiene { $what }
rule-sec001-message = { $container } define la variable de entorno "{ $name }" con { $what }
rule-sec002-message = la clave { $field ->
        [data] {""}
       *[binaryData] de binaryData{" "}
    }"{ $key }" del ConfigMap contiene { $what }
rule-sec003-applied = la anotación { $place ->
        [template] de la plantilla de pod{" "}
       *[object] {""}
    }"{ $key }" contiene una copia de los datos de un Secret (claves { $keys })
rule-sec003-message = la anotación { $place ->
        [template] de la plantilla de pod{" "}
       *[object] {""}
    }"{ $key }" contiene { $what }
rule-sec004-message = la línea { $line } contiene { $what }
rule-sec004-id = un id de clave de acceso de AWS ({ $prefix }…)
rule-sec004-secret = una clave de acceso secreta de AWS bajo "{ $name }"

## hygiene

rule-hyg001-message = { $kind } "{ $name }" está en el espacio de nombres default
rule-hyg002-message = { $kind } "{ $name }" se ejecuta en kube-system
rule-hyg003-message = { $kind } "{ $name }" no tiene la etiqueta { $label }
rule-hyg004-first-at = {" "}(el primero en { $at })
rule-hyg004-message = { $object } aparece dos veces{ $at }; al aplicar ambos solo queda el último
rule-hyg005-message = { $kind } "{ $name }" no está en el análisis, que sí tiene otros objetos { $kind } en el espacio de nombres "{ $namespace }"
rule-hyg006-flag = la opción --kubernetes-version
rule-hyg006-cluster = el clúster "{ $name }" la ejecuta
rule-hyg006-unknown = no se conoce la versión de destino (indíquela con --kubernetes-version); la más antigua que EKS publica
rule-hyg006-psp = { $version } (que a su vez se eliminó en 1.25)
rule-hyg006-uses = { $kind } "{ $name }" usa { $version }
rule-hyg006-target = versión de destino 1.{ $minor }: { $origin }
rule-hyg006-removed = { $what }, que se eliminó en Kubernetes 1.{ $removed }: el servidor de API de 1.{ $minor } lo rechaza
rule-hyg006-deprecated = { $what }, que está obsoleta en Kubernetes 1.{ $minor } y se elimina en 1.{ $removed }

## eks

finding-default = valor por defecto: { $why }
finding-var-set-at = valor de var.{ $name } definido en { $at }
eks-cluster-named = clúster "{ $name }"
eks-cluster = clúster
eks-node-group-named = { $kind ->
        [managed] grupo de nodos administrado
        [self-managed] grupo de nodos
        [fargate] perfil de Fargate
       *[karpenter] grupo de nodos de Karpenter
    } "{ $name }"
eks-node-group = { $kind ->
        [managed] grupo de nodos administrado
        [self-managed] grupo de nodos
        [fargate] perfil de Fargate
       *[karpenter] grupo de nodos de Karpenter
    }
capacity-group-at-line = { $kind ->
        [managed] grupo de nodos administrado
        [self-managed] grupo de nodos
        [fargate] perfil de Fargate
       *[karpenter] grupo de nodos de Karpenter
    } de la línea { $line } (sin nombre en la entrada)
capacity-group-unnamed = { $kind ->
        [managed] grupo de nodos administrado
        [self-managed] grupo de nodos
        [fargate] perfil de Fargate
       *[karpenter] grupo de nodos de Karpenter
    } (sin nombre en la entrada)
capacity-group-fit = { $group }: { $nodes } nodos × { $pods } pods{ $instance } = { $capacity } pods
capacity-group-note = { $group }: { $note }
capacity-cluster-unnamed = clúster (sin nombre en la entrada)
capacity-note-unknown = desconocida
capacity-note-fargate = sin límite: Fargate ejecuta cada pod en un nodo propio
capacity-note-karpenter = sin límite: Karpenter añade nodos según la demanda
capacity-note-no-instance-types = desconocida: no se conocen los tipos de instancia
capacity-note-no-eni-data = desconocida: no hay datos de ENI del tipo de instancia { $instance_type }
capacity-note-no-max-size = desconocida: no se conoce el tamaño máximo
rule-eks001-message = el { $cluster } no cifra los Secrets con una clave de KMS del cliente
rule-eks002-message = el { $cluster } expone su punto de enlace de la API a { $cidr }
rule-eks003-message = el { $cluster } tiene un punto de enlace público de la API
rule-eks004-message = el { $cluster } tiene desactivado el punto de enlace privado de la API
rule-eks005-none = el { $cluster } no envía registros del plano de control
rule-eks005-message = el { $cluster } no envía los registros del plano de control { $logs }
rule-eks006-message = el { $cluster } no tiene un proveedor OIDC para IRSA ni asociaciones de Pod Identity
rule-eks007-message = el { $group } ejecuta nodos en subredes públicas
rule-eks008-zone = el { $group } se ejecuta en una sola zona de disponibilidad, { $zone }
rule-eks008-subnet = el { $group } se ejecuta en una sola subred, y por tanto en una sola zona de disponibilidad
rule-eks009-message = el { $group } tiene volúmenes raíz sin cifrar
rule-eks009-note = el cifrado por defecto de EBS a nivel de cuenta los cifraría, pero esa opción no se ve aquí
rule-eks010-message = el { $group } permite IMDSv1
rule-eks010-hops = el { $group } deja que los pods lleguen a los metadatos de la instancia (límite de saltos { $hops })
rule-eks011-message = el { $group } permite SSH desde 0.0.0.0/0
rule-eks011-note = los nodos están en subredes privadas
rule-eks012-unlisted = el { $cluster } ejecuta Kubernetes { $version }, ya sin soporte de EKS
rule-eks012-extended = el { $cluster } ejecuta Kubernetes { $version }, pasado el fin del soporte extendido ({ $date })
rule-eks012-standard = el { $cluster } ejecuta Kubernetes { $version }, pasado el fin del soporte estándar ({ $date })
rule-eks013-message = el { $cluster } solo autentica mediante el ConfigMap aws-auth
rule-eks014-message = el { $cluster } concede cluster-admin a quien lo crea
rule-eks015-aws-auth = aws-auth asocia { $why ->
        [wildcard] un comodín
       *[root] la raíz de una cuenta
    } ({ $arn }) a system:masters
rule-eks015-entry = la entrada de acceso concede AmazonEKSClusterAdminPolicy a { $why ->
        [wildcard] un comodín
       *[root] la raíz de una cuenta
    } ({ $arn })
rule-eks016-message = al { $cluster } { $count ->
        [one] le falta el complemento
       *[other] le faltan los complementos
    } { $addons }
rule-eks017-message = el complemento { $name } { $addon_version } no corresponde a Kubernetes { $version }
rule-eks018-message = el { $group } tiene { $what }
rule-eks018-desired-low = un tamaño deseado de { $desired }, por debajo de su mínimo de { $min }
rule-eks018-desired-high = un tamaño deseado de { $desired }, por encima de su máximo de { $max }
rule-eks018-max-low = un tamaño máximo de { $max }, por debajo de su mínimo de { $min }
rule-eks019-message = el { $group } usa capacidad spot con un solo tipo de instancia
rule-eks020-message = al rol de IAM del { $cluster } le falta AmazonEKSClusterPolicy
rule-eks021-message = al { $cluster } { $count ->
        [one] le falta la etiqueta obligatoria
       *[other] le faltan las etiquetas obligatorias
    } { $tags }
rule-eks022-message = el { $cluster } no tiene el complemento de Container Insights
rule-eks023-message = el { $cluster } no tiene el agente de supervisión en tiempo de ejecución de GuardDuty
rule-eks024-not-set = la StorageClass "{ $name }" aprovisiona volúmenes de EBS sin cifrar: `encrypted` no está definido
rule-eks024-type = `{ $key }` debe ser la cadena "true", no un valor de tipo { $type_name }
rule-eks024-value = `{ $key }` vale "{ $value }"
rule-eks024-message = la StorageClass "{ $name }" aprovisiona volúmenes de EBS sin cifrar: { $why }
rule-eks025-message = el { $cluster } no puede alojar los { $total } pods que piden sus cargas de trabajo: sus grupos de nodos admiten { $usable } con su tamaño máximo
rule-eks025-daemonsets = cada nodo reserva un hueco para cada uno de los { $count } DaemonSets: { $daemonsets }
rule-eks025-more = {" "}y { $count } más
rule-eks025-largest = cargas de trabajo más grandes: { $workloads }{ $more }

## input

yaml-read-boolean = el booleano { $value }
yaml-read-number = el número { $value }
yaml-read-null = null (nulo)
yaml-read-string = una cadena
waiver-no-reason = no tiene motivo
waiver-no-rule = no nombra ninguna regla
waiver-bad-date = su caducidad `{ $until }` no es una fecha (AAAA-MM-DD)
waiver-expired = caducó el { $date }
rule-inp001-message = la clave `{ $key }` está repetida (la primera vez en la línea { $line }); Kubernetes solo conserva este último valor
rule-inp002-secret = Kubernetes (YAML 1.1) y las herramientas de YAML 1.2 leen de forma distinta un valor sin comillas de este Secret
rule-inp002-message = Kubernetes lee `{ $text }` sin comillas como { $read_as }, y las herramientas de YAML 1.2 de otra forma
rule-inp003-message = la exención no se aplica: { $why }
rule-inp004-message = la exención de { $rules } no coincidió con ningún hallazgo
rule-inp005-message = { $kind } "{ $name }" se escribe con apiVersion { $version }, cuyo grupo no sirve el tipo { $kind }: el servidor de API lo rechaza
rule-inp005-note = el servidor de API sirve { $kind } como { $served }

## Validación que aplica el servidor de API (`model/validation.rs`, `model/selector.rs`, campos de NetworkPolicy)

valid-subdomain-long = tiene más de { $max } caracteres
valid-subdomain = debe ser un subdominio DNS en minúsculas: letras a-z, dígitos, '-' y '.', que empiece y acabe por letra o dígito
valid-label-key-slashes = la clave de etiqueta `{ $key }` tiene más de una '/'
valid-label-key-empty-prefix = la clave de etiqueta `{ $key }` tiene un prefijo vacío antes de '/'
valid-label-key-prefix = el prefijo de la clave de etiqueta `{ $key }` { $why }
valid-label-key-empty-name = la clave de etiqueta `{ $key }` tiene el nombre vacío
valid-label-key-long = el nombre de la clave de etiqueta `{ $key }` tiene más de { $max } caracteres
valid-label-key-name = clave de etiqueta `{ $key }`: el nombre solo admite letras, dígitos, '-', '_' o '.', y debe empezar y acabar por letra o dígito
valid-label-value-long = el valor de etiqueta `{ $value }` tiene más de { $max } caracteres
valid-label-value = el valor de etiqueta `{ $value }` solo admite letras, dígitos, '-', '_' o '.', y debe empezar y acabar por letra o dígito
valid-port-name-empty = el nombre de puerto `{ $name }` está vacío
valid-port-name-long = el nombre de puerto `{ $name }` tiene más de { $max } caracteres
valid-port-name-chars = el nombre de puerto `{ $name }` solo admite letras minúsculas a-z, dígitos y '-'
valid-port-name-dashes = el nombre de puerto `{ $name }` no puede contener '--'
valid-port-name-letter = el nombre de puerto `{ $name }` debe contener alguna letra
valid-port-name-ends = el nombre de puerto `{ $name }` no puede empezar ni acabar por '-'
valid-port-number = el puerto { $port } no está entre 1 y 65535
selector-not-object = un selector de etiquetas debe ser un objeto, pero es { $found }
selector-match-labels = `matchLabels` debe ser un objeto
selector-value-string = el valor de la etiqueta `{ $key }` debe ser una cadena
selector-match-expressions = `matchExpressions` debe ser una lista
selector-expression-key = una expresión de matchExpressions necesita una `key` de tipo cadena
selector-expression-empty-key = una expresión de matchExpressions necesita una `key` no vacía
selector-expression-operator = una expresión de matchExpressions necesita un `operator`
selector-operator = el operador debe ser In, NotIn, Exists o DoesNotExist
selector-operator-needs-values = el operador { $operator } necesita al menos un valor
selector-operator-no-values = el operador { $operator } no admite valores
netpol-invalid-spec = `spec` debe ser un objeto, pero es { $found }
netpol-invalid-policy-type = el tipo de política `{ $value }` no es Ingress ni Egress
netpol-invalid-rule = una regla debe ser un objeto
netpol-invalid-peer-mixed = un peer con `ipBlock` no puede tener también `podSelector` ni `namespaceSelector`
netpol-invalid-no-cidr = `ipBlock` necesita un `cidr`
netpol-invalid-except-string = las entradas de `except` deben ser cadenas
netpol-invalid-except-subset = el bloque except no es un subconjunto estricto de `{ $cidr }`
netpol-invalid-peer-empty = un peer necesita `podSelector`, `namespaceSelector` o `ipBlock`
netpol-invalid-protocol = el protocolo debe ser TCP, UDP o SCTP
netpol-invalid-port-number = `{ $key }` debe ser un número de puerto entre 1 y 65535
netpol-invalid-end-port-numeric = `endPort` necesita un `port` numérico
netpol-invalid-end-port-named = `endPort` no se puede usar con un puerto con nombre
netpol-invalid-end-port-below = `endPort` { $end } es menor que `port` { $port }
netpol-invalid-cidr = `{ $cidr }` no es un CIDR (se espera DIRECCIÓN/PREFIJO)
netpol-invalid-cidr-address = `{ $cidr }` no es un CIDR: dirección no válida
netpol-invalid-cidr-prefix = `{ $cidr }` no es un CIDR: longitud de prefijo no válida
netpol-invalid-cidr-prefix-long = `{ $cidr }` no es un CIDR: el prefijo supera los { $bits } bits
node-type-null = un valor nulo
node-type-boolean = un booleano
node-type-number = un número
node-type-string = una cadena
node-type-array = una lista
node-type-object = un objeto

# Un rol o una vinculación sin manifiesto, tal como lo muestran las respuestas de `rbac`.
rbac-mark-default = { $name } (predeterminado)
rbac-mark-access-policy = { $name } (política de acceso de EKS)
