# Hallazgos: el mensaje de cada hallazgo y sus notas, con los ids `rule-<código>-<qué>`, y los
# fragmentos que comparten varias reglas. Un mensaje es una frase en minúscula sin punto final.
# Los identificadores (nombres de campo, valores, tipos) se dejan como se escriben.

## Fragmentos compartidos

field-not-set = { $field } no está definido
field-is = { $field } vale { $value }

container-regular = el contenedor "{ $name }"
container-init = el contenedor de inicio "{ $name }"
container-ephemeral = el contenedor efímero "{ $name }"

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
rule-pod005-default = allowPrivilegeEscalation no está definido y por omisión es true
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
rule-pod018-default = imagePullPolicy vale { $policy } por omisión para una imagen con etiqueta
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

## network

rule-net111-message = el Service recibe el tráfico de la IP externa { $ips } en todo el clúster

## rbac

rule-rbac019-not-set = la cuenta de servicio default del espacio de nombres "{ $namespace }" no define automountServiceAccountToken: false, así que los pods que no nombran una cuenta de servicio reciben un token de la API
rule-rbac019-true = la cuenta de servicio default del espacio de nombres "{ $namespace }" define automountServiceAccountToken a true, así que los pods que no nombran una cuenta de servicio reciben un token de la API

## reliability

rule-rel006-message = el Pod no tiene un controlador que lo vuelva a crear

## secrets

rule-sec005-all = { $container } lee todas las claves del Secret "{ $secret }" en variables de entorno
rule-sec005-key = { $container } lee la clave "{ $key }" del Secret "{ $secret }" en la variable de entorno "{ $name }"
