# Reglas: un título por regla (la primera frase de su documentación), con el id
# `rule-<código>-title` y el código en minúsculas. Toda regla registrada tiene uno en cada idioma
# (tests/i18n.rs).

# Los encabezados de las secciones de la documentación de cada regla (`ladrillo explain`), y la
# línea que los precede: las secciones solo están escritas en inglés.
rule-docs-why = ¿Por qué es un problema?
rule-docs-fix = Cómo corregirlo
rule-docs-example = Ejemplo
rule-docs-in-english = La explicación que sigue solo está disponible en inglés.


# exec-into-pod
rule-aud001-title = Señala las órdenes interactivas o puntuales ejecutadas en un pod (`kubectl exec`).
# attach-to-pod
rule-aud002-title = Señala las conexiones a la consola de un contenedor en ejecución (`kubectl attach`).
# port-forward-to-pod
rule-aud003-title = Señala los túneles abiertos a los puertos de un pod a través del servidor de API (`kubectl port-forward`).
# kubectl-cp-with-pod
rule-aud004-title = Señala los archivos copiados desde o hacia un pod con `kubectl cp`.
# token-read-in-pod
rule-aud005-title = Señala las órdenes ejecutadas en un pod que leen el token de su cuenta de servicio o sus credenciales de IAM (los archivos de token de IRSA y de Pod Identity).
# privileged-workload-admitted
rule-aud010-title = Señala los pods y controladores de pods que el servidor de API admitió con un contenedor privilegiado.
# host-namespace-workload-admitted
rule-aud011-title = Señala los pods y controladores de pods admitidos con el espacio de nombres de red, de PID o de IPC del nodo.
# host-path-workload-admitted
rule-aud012-title = Señala los pods y controladores de pods admitidos con un volumen `hostPath`; es crítico para las rutas sensibles del nodo (sockets del runtime, `/var/lib/kubelet`, `/etc`, `/`, …).
# capability-workload-admitted
rule-aud013-title = Señala los pods y controladores de pods admitidos con capacidades de Linux más allá del conjunto baseline de Pod Security (`SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, `BPF`, …).
# pod-security-violation-admitted
rule-aud014-title = Señala los pods y controladores de pods admitidos aunque incumplen los Pod Security Standards en el nivel de `audit-log.pss` de `.ladrillo.yaml` (`baseline`, `latest` por defecto).
# kube-system-object-created
rule-aud020-title = Señala los objetos creados en `kube-system` por quien no es un componente del clúster.
# admin-role-bound
rule-aud021-title = Señala los RoleBindings y ClusterRoleBindings escritos para conceder `cluster-admin` o `admin`.
# dangerous-role-written
rule-aud022-title = Señala los Roles y ClusterRoles escritos con comodines, `pods/exec`, `nodes/proxy` o los verbos `escalate`, `bind` o `impersonate`.
# system-role-modified
rule-aud023-title = Señala los cambios y borrados de los Roles y ClusterRoles `system:` integrados hechos por quien no es un componente del clúster.
# anonymous-request-allowed
rule-aud024-title = Señala las peticiones del usuario anónimo (o del grupo `system:unauthenticated`) que el servidor de API permitió, salvo las comprobaciones de salud (`/healthz`, `/livez`, `/readyz`).
# secrets-listed-cluster-wide
rule-aud025-title = Señala los Secrets listados u observados en todos los espacios de nombres a la vez (`kubectl get secrets -A`) por quien no es un componente del clúster.
# bulk-secret-read
rule-aud026-title = Señala a un usuario que lee muchos Secrets distintos (o los de varios espacios de nombres) en un intervalo: 15 en 30 minutos, salvo que `audit-log.thresholds.bulk-secret-read` diga otra cosa.
# secret-access-denied-burst
rule-aud027-title = Señala a un usuario al que se le niega una y otra vez el acceso a Secrets: 20 denegaciones en 15 minutos, salvo que `audit-log.thresholds.secret-access-denied-burst` diga otra cosa.
# forbidden-burst
rule-aud028-title = Señala una dirección de origen rechazada una y otra vez (respuestas 401 y 403): 20 en 10 minutos, salvo que `audit-log.thresholds.forbidden-burst` diga otra cosa; alta si la dirección es pública.
# public-source-system-access
rule-aud029-title = Señala las peticiones desde una dirección pública hechas por una identidad del clúster (un nodo, un componente del plano de control, una cuenta de servicio de `kube-system`) y las peticiones desde una dirección pública a los espacios de nombres del sistema.
# service-account-token-requested
rule-aud030-title = Señala los tokens de cuenta de servicio solicitados (`serviceaccounts/token`, `kubectl create token`) por identidades inusuales.
# client-certificate-approved
rule-aud031-title = Señala las aprobaciones de solicitudes de firma de certificados de cliente: cualquier aprobación para el firmante `kubernetes.io/kube-apiserver-client` y las aprobaciones de certificados de cliente del kubelet (`kube-apiserver-client-kubelet`) hechas por quien no es un componente del clúster.
# admission-webhook-changed
rule-aud032-title = Señala las configuraciones de webhooks de admisión y las políticas de admisión creadas, modificadas o borradas por quien no es un componente del clúster.
# node-port-service-written
rule-aud033-title = Señala los Services creados o modificados con el tipo `NodePort`.
# ingress-without-tls-written
rule-aud034-title = Señala los Ingresses creados o modificados sin una sección `tls`.
# cron-job-written
rule-aud035-title = Señala los CronJobs creados o modificados por quien no es un componente del clúster.
# daemon-set-written
rule-aud036-title = Señala los DaemonSets creados o modificados por quien no es un componente del clúster.
# aws-auth-changed
rule-aud037-title = Señala los cambios en el ConfigMap `aws-auth` de `kube-system`, que asocia roles y usuarios de IAM a usuarios y grupos de Kubernetes; crítico si la nueva asociación concede `system:masters`.
# access-entry-changed
rule-aud038-title = Señala las entradas de acceso de EKS creadas, modificadas o borradas, y las políticas de acceso asociadas o desasociadas, leídas de CloudTrail; crítico si se asocia `AmazonEKSClusterAdminPolicy`.
# attack-tool-user-agent
rule-aud039-title = Señala las peticiones cuyo agente de usuario nombra una herramienta conocida de ataque o de escaneo (kube-hunter, Peirates, KubiScan, kdigger, Kubesploit, Nuclei, ZGrab, Nmap, …), permitidas o no.

# secrets-without-customer-key
rule-eks001-title = Señala los clústeres cuyos secretos de Kubernetes no se cifran con una clave de KMS del cliente.
# public-endpoint-open-to-internet
rule-eks002-title = Señala los clústeres cuyo punto de enlace público de la API acepta conexiones desde cualquier dirección.
# public-endpoint
rule-eks003-title = Señala los clústeres con un punto de enlace público de la API restringido a algunos CIDR.
# private-endpoint-disabled
rule-eks004-title = Señala los clústeres cuyo punto de enlace privado de la API está desactivado.
# control-plane-logs-missing
rule-eks005-title = Señala los clústeres que no envían a CloudWatch todos los tipos de registro del plano de control.
# workload-identity-missing
rule-eks006-title = Señala los clústeres que no tienen ni IRSA (un proveedor OIDC) ni EKS Pod Identity.
# nodes-in-public-subnets
rule-eks007-title = Señala los grupos de nodos cuyos nodos se ejecutan en subredes públicas.
# single-zone-node-group
rule-eks008-title = Señala los grupos de nodos limitados a una sola zona de disponibilidad.
# unencrypted-node-volume
rule-eks009-title = Señala los grupos de nodos cuyos volúmenes raíz no están cifrados.
# instance-metadata-exposed
rule-eks010-title = Señala los grupos de nodos que permiten IMDSv1 o dejan que los pods lleguen al servicio de metadatos de la instancia.
# ssh-open-to-internet
rule-eks011-title = Señala los grupos de nodos que permiten SSH sin restringir quién puede conectarse.
# unsupported-kubernetes-version
rule-eks012-title = Señala los clústeres con una versión de Kubernetes cuyo soporte estándar en EKS ya terminó.
# config-map-authentication
rule-eks013-title = Señala los clústeres que autentican solo mediante el ConfigMap `aws-auth`.
# cluster-creator-admin
rule-eks014-title = Señala los clústeres que conceden cluster-admin a la identidad de IAM que los crea.
# broad-cluster-admin
rule-eks015-title = Señala las asociaciones de `aws-auth` y las entradas de acceso que convierten identidades amplias en administradores del clúster.
# core-addon-missing
rule-eks016-title = Señala los clústeres a los que les falta un complemento básico: vpc-cni, coredns, kube-proxy o aws-ebs-csi-driver.
# incompatible-addon-version
rule-eks017-title = Señala las versiones de complementos que no corresponden a la versión de Kubernetes del clúster.
# incoherent-scaling
rule-eks018-title = Señala los grupos de nodos cuyos tamaños mínimo, deseado y máximo se contradicen.
# spot-without-diversity
rule-eks019-title = Señala los grupos de nodos de spot que solo pueden usar un tipo de instancia.
# cluster-role-missing-policy
rule-eks020-title = Señala los roles de IAM del clúster que, cuando se conocen sus políticas, no tienen `AmazonEKSClusterPolicy`.
# required-tags-missing
rule-eks021-title = Señala los clústeres a los que les faltan las etiquetas enumeradas en `required-tags` de `.ladrillo.yaml`.
# container-insights-missing
rule-eks022-title = Señala los clústeres sin el complemento de Container Insights (`amazon-cloudwatch-observability`).
# runtime-monitoring-missing
rule-eks023-title = Señala los clústeres con nodos EC2 pero sin el complemento del agente de supervisión en tiempo de ejecución de GuardDuty.
# unencrypted-storage-class
rule-eks024-title = Señala las StorageClasses que aprovisionan volúmenes EBS sin `encrypted: "true"`.
# insufficient-pod-capacity
rule-eks025-title = Señala los clústeres cuyos grupos de nodos, en su tamaño máximo, no pueden alojar los pods que piden las cargas de trabajo del mismo análisis, dado el máximo de pods por tipo de instancia del VPC CNI.

# default-namespace
rule-hyg001-title = Señala los objetos colocados explícitamente en el espacio de nombres `default`.
# kube-system-workload
rule-hyg002-title = Señala las cargas de trabajo de usuario colocadas en el espacio de nombres `kube-system`.
# missing-recommended-labels
rule-hyg003-title = Señala las cargas de trabajo sin la etiqueta `app.kubernetes.io/name`.
# duplicate-object
rule-hyg004-title = Señala un objeto que aparece dos veces en el análisis: el mismo grupo de API, tipo, espacio de nombres y nombre.
# missing-referenced-object
rule-hyg005-title = Señala las cargas de trabajo que nombran una cuenta de servicio, un ConfigMap, un Secret o un PersistentVolumeClaim que no está en el análisis, cuando el análisis parece completo para ese tipo y ese espacio de nombres.
rule-hyg006-title = Señala los objetos escritos en una versión de API que se ha eliminado, o está obsoleta, en la versión de Kubernetes de destino.

# duplicate-key
rule-inp001-title = Señala una clave escrita dos veces en el mismo mapa.
# ambiguous-scalar
rule-inp002-title = Señala los valores sin comillas que YAML 1.1 (el que usa Kubernetes) y YAML 1.2 leen de forma distinta: `yes`/`no`/`on`/`off`/`y`/`n` como booleanos, `0644` como el octal 420, `1_000` como 1000.
# invalid-waiver
rule-inp003-title = Señala las exenciones que no surten efecto: sin regla nombrada (`ladrillo.dev/ignore: ""`, o nada tras la clave), sin motivo, con una fecha de caducidad pasada o con una fecha ilegible.
# unused-waiver
rule-inp004-title = Señala las exenciones que no coincidieron con ningún hallazgo.
rule-inp005-title = Señala los objetos de un tipo integrado escritos en un grupo de API que no sirve ese tipo.

# exposed-service
rule-net001-title = Señala los balanceadores de carga expuestos a internet y abiertos a cualquier dirección, y los Services NodePort.
# namespace-without-default-deny-ingress
rule-net101-title = Señala los espacios de nombres sin una política de red que deniegue por defecto el tráfico de entrada.
# namespace-without-default-deny-egress
rule-net102-title = Señala los espacios de nombres sin una política de red que deniegue por defecto el tráfico de salida.
# workload-without-network-policy
rule-net103-title = Señala las cargas de trabajo que ninguna política de red selecciona.
# network-policy-selects-nothing
rule-net104-title = Señala las políticas de red cuyo selector de pods no coincide con ninguna carga de trabajo de su espacio de nombres.
# ingress-from-anywhere
rule-net105-title = Señala las reglas de entrada de las políticas de red abiertas a todos los espacios de nombres o a cualquier dirección.
# reachability-assertion-violated
rule-net106-title = Señala las aserciones de alcanzabilidad de `.ladrillo.yaml` que las políticas de red incumplen.
# invalid-network-policy
rule-net107-title = Señala las políticas de red que el servidor de API rechazaría.
# service-selects-nothing
rule-net108-title = Señala los Services cuyo selector no coincide con ninguna carga de trabajo de su espacio de nombres.
# ingress-backend-missing
rule-net109-title = Señala los backends de Ingress y de HTTPRoute de Gateway API que nombran un Service o un puerto de Service que no está en el análisis.
# service-target-port-unknown
rule-net110-title = Señala los puertos de Service cuyo `targetPort` con nombre no es el nombre de un puerto de contenedor de las cargas de trabajo que el Service selecciona.
# service-external-ips
rule-net111-title = Señala los Services que definen `spec.externalIPs`.
# ingress-without-tls
rule-net112-title = Señala los Ingress sin TLS: sin `spec.tls` y sin anotación de listener HTTPS.

# privileged-container
rule-pod001-title = Señala los contenedores que se ejecutan en modo privilegiado.
# run-as-root
rule-pod002-title = Señala los contenedores que pueden ejecutarse como root: `runAsNonRoot` no es true y no hay un `runAsUser` distinto de cero, ni en el contenedor ni en el pod, o `runAsUser` es 0.
# dangerous-capabilities
rule-pod003-title = Señala los contenedores que añaden capacidades más allá del conjunto baseline de los Pod Security Standards.
# capabilities-not-dropped
rule-pod004-title = Señala los contenedores que no eliminan todas las capacidades con `capabilities.drop: ["ALL"]`.
# privilege-escalation-allowed
rule-pod005-title = Señala los contenedores cuyo `allowPrivilegeEscalation` no es explícitamente `false`.
# writable-root-filesystem
rule-pod006-title = Señala los contenedores con el sistema de archivos raíz escribible: `readOnlyRootFilesystem` no es true.
# host-network
rule-pod007-title = Señala los pods que comparten el espacio de nombres de red del nodo (`hostNetwork: true`).
# host-pid
rule-pod008-title = Señala los pods que comparten el espacio de nombres de ID de procesos del nodo (`hostPID: true`).
# host-ipc
rule-pod009-title = Señala los pods que comparten el espacio de nombres de IPC del nodo (`hostIPC: true`).
# host-port
rule-pod010-title = Señala los puertos de contenedor enlazados en el nodo con un `hostPort` distinto de cero.
# host-path-volume
rule-pod011-title = Señala los volúmenes `hostPath`; los que exponen rutas sensibles del nodo son críticos.
# missing-resource-requests
rule-pod012-title = Señala los contenedores sin una solicitud (request) de `cpu` y de `memory`.
# missing-resource-limits
rule-pod013-title = Señala los contenedores sin un límite de `memory` (media) o de `cpu` (baja).
# missing-liveness-probe
rule-pod014-title = Señala los contenedores de cargas de trabajo de larga duración sin `livenessProbe`.
# missing-readiness-probe
rule-pod015-title = Señala los contenedores de cargas de trabajo de larga duración sin `readinessProbe`.
# mutable-image-tag
rule-pod016-title = Señala las imágenes de contenedor sin etiqueta o con la etiqueta `latest`, y sin digest.
# image-without-digest
rule-pod017-title = Señala las imágenes de contenedor que no están fijadas por digest (`@sha256:…`).
# image-pull-policy
rule-pod018-title = Señala un `imagePullPolicy` distinto de `Always` en imágenes no fijadas por digest.
# default-service-account
rule-pod019-title = Señala los pods que se ejecutan con la cuenta de servicio `default`, nombrándola o dejándola sin definir.
# service-account-token-automount
rule-pod020-title = Señala los pods que reciben montado automáticamente un token de la API de Kubernetes.
# duplicate-env-var
rule-pod021-title = Señala las variables de entorno definidas dos veces en la lista `env` de un mismo contenedor.
# writable-host-path
rule-pod022-title = Señala los contenedores que montan un volumen `hostPath` sin `readOnly: true`.
# ssh-port
rule-pod023-title = Señala los contenedores y Services que exponen el puerto TCP 22, el de SSH.
# host-aliases
rule-pod024-title = Señala los pods que escriben entradas en su `/etc/hosts` con `hostAliases`.
# shared-process-namespace
rule-pod025-title = Señala los pods cuyos contenedores comparten un mismo espacio de nombres de procesos (`shareProcessNamespace: true`).
# memory-limit-far-above-request
rule-pod026-title = Señala los contenedores cuyo límite de memoria es más de cuatro veces su solicitud de memoria.
rule-pod027-title = Señala las imágenes de contenedor que no son referencias de imagen válidas, como un digest vacío o mal formado.
rule-pod028-title = Señala los campos de la plantilla de pod de un tipo, o los campos obligatorios ausentes, que el servidor de API rechaza.

# pss-violation
rule-pss001-title = Señala las cargas de trabajo cuyos pods incumplen el nivel de Pod Security de su espacio de nombres: el aplicado o, si no se sabe de ninguno aplicado, el nivel objetivo.
# namespace-without-pss-enforce
rule-pss002-title = Señala los espacios de nombres sin la etiqueta `pod-security.kubernetes.io/enforce`.
# privileged-pss-namespace
rule-pss003-title = Señala los espacios de nombres que aplican el nivel `privileged` de Pod Security.
# invalid-pss-label
rule-pss004-title = Señala las etiquetas de espacio de nombres `pod-security.kubernetes.io/*` no válidas o mal escritas.
# pss-warn-violation
rule-pss005-title = Señala las cargas de trabajo que la admisión de Pod Security admite pero con aviso o auditoría: la etiqueta `warn` o `audit` de su espacio de nombres es más estricta que lo que cumplen.

# wildcard-rule
rule-rbac001-title = Señala las reglas de Roles y ClusterRoles que permiten todos los verbos o todos los recursos.
# cluster-admin-binding
rule-rbac002-title = Señala cluster-admin (o cualquier rol `*` sobre `*`) vinculado a sujetos que no son del sistema.
# anonymous-binding
rule-rbac003-title = Señala las vinculaciones a identidades anónimas, no autenticadas o a todas las autenticadas.
# escalate-verb
rule-rbac004-title = Señala los sujetos que pueden aplicar `escalate` a Roles o ClusterRoles.
# bind-verb
rule-rbac005-title = Señala los sujetos que pueden aplicar `bind` a Roles o ClusterRoles.
# impersonate-verb
rule-rbac006-title = Señala los sujetos que pueden suplantar a usuarios, grupos o cuentas de servicio.
# role-binding-write
rule-rbac007-title = Señala los sujetos que pueden crear o modificar RoleBindings o ClusterRoleBindings.
# pod-create-token-theft
rule-rbac008-title = Señala los sujetos que pueden crear pods donde reside una cuenta de servicio con más privilegios.
# pod-exec
rule-rbac009-title = Señala los sujetos que pueden ejecutar órdenes en pods, conectarse a ellos o reenviar sus puertos.
# node-proxy
rule-rbac010-title = Señala los sujetos con acceso al subrecurso `nodes/proxy`.
# secrets-read-cluster-wide
rule-rbac011-title = Señala los sujetos que pueden leer Secrets en todos los espacios de nombres.
# token-create
rule-rbac012-title = Señala los sujetos que pueden crear tokens de cuentas de servicio.
# csr-approve
rule-rbac013-title = Señala los sujetos que pueden aprobar o firmar CertificateSigningRequests.
# webhook-config-write
rule-rbac014-title = Señala los sujetos que pueden escribir configuraciones de webhooks de admisión.
# user-create-delete
rule-rbac015-title = Señala los usuarios y grupos vinculados a un rol que puede crear o borrar objetos.
# kube-system-write
rule-rbac016-title = Señala los sujetos ajenos a la plataforma que pueden modificar objetos en `kube-system`.
# workload-token-escalation
rule-rbac017-title = Señala las cargas de trabajo cuyos pods montan el token de una cuenta de servicio que puede escalar privilegios.
# invalid-aggregation-rule
rule-rbac018-title = Señala los ClusterRoles agregados con un selector de etiquetas que el servidor de API rechazaría.
# default-service-account-automount
rule-rbac019-title = Señala las cuentas de servicio `default` que no definen `automountServiceAccountToken: false`.
# invalid-role-binding
rule-rbac020-title = Señala los RoleBindings y ClusterRoleBindings con un sujeto que el servidor de API rechazaría.

# missing-pod-disruption-budget
rule-rel001-title = Señala los Deployments y StatefulSets replicados que no cubre ningún PodDisruptionBudget.
# single-replica
rule-rel002-title = Señala los Deployments y StatefulSets que ejecutan una sola réplica.
# selector-mismatch
rule-rel003-title = Señala los Deployments, ReplicaSets, StatefulSets y DaemonSets cuyo `spec.selector` no coincide con las etiquetas de su propia plantilla de pod.
# hpa-target-missing
rule-rel004-title = Señala los HorizontalPodAutoscalers cuyo `scaleTargetRef` nombra una carga de trabajo que no está en el análisis.
# pdb-selects-nothing
rule-rel005-title = Señala los PodDisruptionBudgets cuyo selector no coincide con ninguna carga de trabajo de su espacio de nombres.
# naked-pod
rule-rel006-title = Señala los Pods escritos directamente en lugar de mediante un controlador (Deployment, StatefulSet, DaemonSet, Job).
# probe-port-unknown
rule-rel007-title = Señala las sondas de actividad, disponibilidad e inicio cuyo puerto con nombre no es un nombre de puerto de su contenedor.
# pdb-blocks-eviction
rule-rel008-title = Señala los PodDisruptionBudgets que nunca permiten un desalojo voluntario.
# liveness-same-as-readiness
rule-rel009-title = Señala los contenedores cuya sonda de actividad hace la misma comprobación que su sonda de disponibilidad.

# hardcoded-secret-in-env
rule-sec001-title = Señala las credenciales escritas literalmente en variables de entorno de contenedores.
# secret-in-configmap
rule-sec002-title = Señala las credenciales guardadas en ConfigMaps.
# secret-in-annotation
rule-sec003-title = Señala las credenciales en anotaciones, incluidos los datos de Secrets que guarda `kubectl apply`.
# static-aws-key
rule-sec004-title = Señala los identificadores de clave de acceso y las claves de acceso secretas de AWS escritos en Terraform, CloudFormation, configuraciones de eksctl, JSON de AWS o cualquier otro archivo de entrada que no sea un manifiesto de Kubernetes.
# secret-in-env-reference
rule-sec005-title = Señala los contenedores que leen Secrets en variables de entorno (`secretKeyRef`, `envFrom.secretRef`).
