# `ladrillo init` y `ladrillo webhook manifests`: el README del paquete, los comentarios de los
# archivos de eksctl, Terraform y Kubernetes que se generan, y las descripciones y los motivos de
# exención que llevan. Identificadores, campos, nombres de recursos y órdenes se quedan en los
# propios archivos. Un mensaje que se convierte en comentario conserva sus saltos de línea: cada
# línea recibe su propio `# `.

## .ladrillo.yaml

gen-row-config = todas las reglas se ejecutan sobre este paquete; cualquier excepción es una exención con su motivo
gen-config-header = Configuración de `ladrillo scan` para este paquete: se ejecutan todas las reglas.
gen-config-public-endpoint =
    CIS 5.4.2 no quiere punto de enlace público; --public-access-cidrs pidió uno, limitado a
    estos rangos (CIS 5.4.1 se cumple). Genere de nuevo con --private para quitar esta exención.
gen-config-public-endpoint-reason = punto de enlace público pedido con --public-access-cidrs, abierto solo a { $cidrs }
gen-config-extended = --extended-support aceptó Kubernetes { $version } en el soporte extendido de EKS; la exención termina con él.
gen-config-extended-reason = Kubernetes { $version } mantenido en el soporte extendido de EKS con --extended-support

## eksctl/cluster.yaml (y las filas de la tabla del README que comparte con terraform/main.tf)

gen-row-version = versión de Kubernetes con soporte, complementos fijados a ella, política explícita para el fin del soporte
gen-row-endpoint = punto de enlace privado de la API; el público, desactivado (clúster totalmente privado) o limitado a los rangos indicados
gen-row-secrets = Secrets cifrados con una clave de KMS propia con rotación
gen-row-logs = los cinco tipos de registro del plano de control, conservados 365 días
gen-row-oidc = proveedor de OIDC y un rol de IRSA por carga de trabajo
gen-row-access = solo entradas de acceso (sin aws-auth), sin administrador para quien crea el clúster, rol de administración dedicado
gen-row-nodes = nodos administrados en subredes privadas, en varias zonas, con actualizaciones progresivas
gen-row-volumes = volúmenes raíz gp3 cifrados, IMDSv2 con límite de saltos 1, sin SSH
gen-row-network-policy-agent = agente de políticas de red de VPC CNI activado
gen-row-monitoring = complementos de Container Insights y de supervisión en tiempo de ejecución de GuardDuty
gen-audit-log-step =
    El registro de auditoría de Kubernetes (guide:G4.8, G5.2) va al grupo de CloudWatch Logs
    `/aws/eks/{ $name }/cluster`, flujos `kube-apiserver-audit-*`, y se conserva { $days } días. La política
    de auditoría de EKS registra las escrituras con los cuerpos de la petición y de la respuesta, las
    lecturas con nivel `Request`, y los Secrets y ConfigMaps con nivel `Metadata` (sin sus datos), así
    que cada detección de `ladrillo audit-log` puede juzgarlas. Revise el último día en busca de ataques
    (exec en pods, pods privilegiados, nuevos administradores del clúster, recolección de secretos,
    credenciales robadas):
gen-audit-log-continuous =
    Para una detección continua, envíe el grupo a Kinesis o Firehose con un filtro de suscripción
    y ejecute `ladrillo audit-log --format jsonl` sobre los registros entregados.
gen-eksctl-header =
    Clúster EKS endurecido, generado por `ladrillo init`. Créelo con:
      eksctl create cluster -f eksctl/cluster.yaml
    Cada ajuste indica qué práctica de la guía (guide:G…) y qué control de CIS EKS 1.8 cumple.
gen-eksctl-version-extended = Una versión con soporte de EKS, con los complementos fijados a juego (guide:G2.1).
gen-eksctl-version = Una versión con soporte estándar de EKS, con los complementos fijados a juego (guide:G2.1).
gen-eksctl-tags = Etiquetas en cada recurso de AWS que crea eksctl, para la trazabilidad (guide:G5.3).
gen-eksctl-zones = Subredes y nodos en varias zonas sobreviven a la caída de una zona (guide:G5.1).
gen-eksctl-private =
    Totalmente privado: sin gateway de internet para los nodos; las API de AWS por puntos de enlace
    de VPC y el servidor de API solo en su punto de enlace privado (CIS 5.4.2, guide:G5.4). eksctl
    mantiene abierto el punto de enlace público mientras crea el clúster y lo cierra al terminar;
    después, acceda a la API desde dentro de la VPC (README.md).
gen-eksctl-nat = Un gateway NAT por zona: la salida de los nodos sobrevive a la caída de una zona (guide:G5.1).
gen-eksctl-restricted =
    Punto de enlace privado para los nodos; el público solo para estos rangos, desde los que se
    ejecutan eksctl y kubectl (CIS 5.4.1).
gen-eksctl-upgrade-extended =
    --extended-support: el clúster se queda en { $version } con el soporte extendido de EKS, con un
    coste adicional por hora, hasta el { $until }; actualícelo antes (guide:G2.1).
gen-eksctl-upgrade-standard =
    Sin soporte extendido de pago: EKS actualiza el plano de control cuando termina el soporte
    estándar ({ $end }); actualícelo antes, también los complementos y los nodos (guide:G2.1).
gen-eksctl-secrets = Secrets de Kubernetes con cifrado de sobre mediante una clave de KMS propia (CIS 5.3.1, guide:G4.6).
gen-eksctl-secrets-key = El README explica cómo crear esta clave, con rotación, antes de crear el clúster.
gen-logs = Los cinco tipos de registro del plano de control, conservados un año (CIS 2.1.1, 2.1.2; guide:G5.2).
gen-eksctl-oidc = Proveedor de OIDC para roles de IAM de cuentas de servicio: sin claves de larga duración (guide:G3.2, CIS 5.2.1).
gen-eksctl-irsa-role = Un rol por carga de trabajo, en el que solo confía su cuenta de servicio; política en iam/{ $key }-policy.json.
gen-eksctl-role-only = La cuenta de servicio está en manifests/, sin montaje automático del token.
gen-eksctl-access-entries = Solo entradas de acceso; el ConfigMap aws-auth, obsoleto, queda desactivado (CIS 4.1.7, guide:G4.2).
gen-eksctl-no-creator-admin = Ningún cluster-admin oculto para quien ejecute eksctl: los administradores figuran abajo (CIS 4.1.1).
gen-eksctl-admin-role = Un rol de administración dedicado, no una persona ni la raíz de la cuenta (guide:G4.1).
gen-eksctl-developers = Los desarrolladores reciben un grupo de Kubernetes; manifests/ lo vincula en solo lectura por espacio de nombres (guide:G4.1).
gen-eksctl-karpenter-nodes = Los nodos que lanza Karpenter se unen con su propio rol (que se crea antes, vea README.md).
gen-eksctl-addons =
    Complementos administrados de EKS en compilaciones publicadas para Kubernetes { $version } (guide:G2.1, G3.3);
    los complementos sin versión reciben la compilación por defecto de EKS para la versión del clúster.
gen-eksctl-vpc-cni-role = Rol de IRSA para aws-node en lugar de la política de CNI en cada nodo (guide:G3.2).
gen-eksctl-network-policy-agent = Agente de políticas de red, para que se apliquen las NetworkPolicies (CIS 4.3.1, 5.4.4; guide:G4.4).
gen-eksctl-ebs-csi = Rol de IRSA con AmazonEBSCSIDriverPolicy solo para el controlador (guide:G2.4, G3.2).
gen-eksctl-container-insights = Métricas y registros de Container Insights (guide:G3.5).
gen-eksctl-guardduty = GuardDuty Runtime Monitoring: detección de amenazas en los nodos (guide:G4.8).
gen-eksctl-metrics-server = Métricas de recursos para el HorizontalPodAutoscaler (guide:G3.7).
gen-eksctl-pod-identity = EKS Pod Identity, el sucesor de IRSA, para futuras cargas de trabajo (guide:G3.2).
gen-eksctl-managed-nodes = Nodos administrados: EKS los vacía y los sustituye en actualizaciones progresivas (guide:G5.1).
gen-eksctl-spot = Capacidad spot con varios tipos parecidos, para que una interrupción no se lleve todos los nodos (guide:G5.6).
gen-eksctl-private-nodes = Nodos en subredes privadas, sin direcciones IP públicas (CIS 5.4.3, guide:G5.4).
gen-eksctl-volumes = Volúmenes raíz gp3 cifrados (guide:G4.7).
gen-eksctl-imds = Solo IMDSv2; los pods no alcanzan los metadatos del nodo ni su rol (límite de saltos 1) (guide:G3.2).
gen-eksctl-no-ssh = Sin SSH: use SSM Session Manager cuando haya que inspeccionar un nodo.
gen-autoscaler-tags = Etiquetas de autodescubrimiento de Cluster Autoscaler (guide:G3.6).

## iam/

gen-row-iam-trust = confianza de IRSA limitada a una cuenta de servicio (`sub`) y a STS (`aud`)
gen-row-iam-policy = permisos mínimos, limitados a los recursos de este clúster

## manifests/ladrillo-scan-*.yaml y manifests/ladrillo-webhook.yaml

gen-row-scan = las reglas de ladrillo sobre el clúster en marcha cada seis horas, como PolicyReports: ClusterRole solo de get/list (sin Secrets), create/patch solo sobre PolicyReports, pod restringido, sistema de archivos raíz de solo lectura, token de corta duración, NetworkPolicies
gen-scan-step =
    El escaneo dentro del clúster (`{ $file }`) escribe objetos `PolicyReport`: instale antes los
    CRD de PolicyReport del grupo de trabajo Kubernetes Policy (`wgpolicyk8s.io/v1alpha2`) y ponga la
    imagen de ladrillo en su registro (sustituya `{ $image }`). Después, `kubectl get policyreports -A`
    muestra los hallazgos tras cada ejecución.
gen-row-webhook = las reglas de ladrillo en la admisión (modo warn): 3 réplicas, PDB, HPA, pod restringido, RBAC de solo lectura de Namespaces, NetworkPolicies, failurePolicy Fail, su propio espacio de nombres excluido
gen-webhook-step =
    El webhook de admisión (`{ $file }`) necesita cert-manager para su certificado de servidor (o
    `ladrillo webhook certs` y `ladrillo webhook manifests --no-cert-manager`) y la imagen de
    ladrillo en su registro (sustituya `{ $image }`). Empieza en modo warn: lea los avisos
    (`kubectl` los muestra) y después etiquete los espacios de nombres con `ladrillo.dev/webhook-mode=enforce`.

## manifests/

gen-row-namespaces = Pod Security Admission en restricted (enforce, audit, warn)
gen-row-network-policies = denegación por defecto de la entrada y la salida, DNS solo hacia kube-dns; el backend de ejemplo solo desde pods `app=frontend`, cuya salida hacia él está permitida
gen-row-rbac = desarrolladores en solo lectura (get, list, watch) en sus espacios de nombres, sin Secrets
gen-row-storage-class = StorageClass por defecto gp3, cifrada, WaitForFirstConsumer
gen-row-app = pod restringido, cuenta de servicio propia sin token, requests/limits, sondas, HPA de 3 a 10 al 50 % de CPU, PDB
gen-row-secret-provider-class = secretos de AWS Secrets Manager como archivos
gen-row-karpenter = NodePool y EC2NodeClass: privados, IMDSv2 con límite de saltos 1, volúmenes cifrados
gen-row-cluster-autoscaler = Cluster Autoscaler con autodescubrimiento y un rol de IRSA, token de API de corta duración
gen-private-images =
    Imágenes en un clúster totalmente privado: los nodos no alcanzan los registros públicos, así que
    `manifests/` nombra las imágenes en su registro de ECR `{ $registry }`,
    que llenan reglas de caché de extracción (pull-through). Créelas una vez y después descargue cada
    imagen una vez a través de ellas desde una máquina con permisos de ECR (la primera descarga crea
    el repositorio), antes de `kubectl apply -k`:
gen-private-images-charts = Instale los charts de Helm (el controlador CSI de Secrets Store) con sus repositorios de imágenes apuntando a las mismas cachés.
gen-private-images-charts-karpenter = Instale los charts de Helm (el controlador CSI de Secrets Store, Karpenter) con sus repositorios de imágenes apuntando a las mismas cachés.
gen-kustomization = Aplíquelo con: kubectl apply -k manifests/
gen-waive-digest-reason = los digests no se conocen cuando se genera el paquete; fije la imagen con su digest @sha256 antes de producción
gen-app-header =
    La aplicación de ejemplo de la guía (G3.7), endurecida al nivel restricted de Pod Security:
    su propia cuenta de servicio con un rol de IRSA y sin token de API, sin root, sistema de
    archivos raíz de solo lectura, sin capacidades, requests y limits, sondas, repartida entre
    zonas, secretos como archivos desde AWS Secrets Manager (guide:G4.3, G4.6; CIS 4.1.5, 4.1.6,
    4.4.1, 5.2.1). Sustituya la imagen por la suya.
gen-app-no-replicas =
    Sin `replicas`: el HorizontalPodAutoscaler de abajo decide el número (de 3 a 10); un número
    fijo aquí lo restablecería en cada apply.
gen-app-spread = Réplicas en zonas distintas, para que la caída de una zona no deje el servicio caído (guide:G5.1).
gen-app-hpa = El ejemplo de autoescalado de la guía (G3.7): de 3 a 10 réplicas al 50 % de CPU.
gen-app-pdb = Los vaciados de nodos y las actualizaciones retiran como mucho una réplica a la vez (guide:G5.1).
gen-secret-provider-class =
    Los secretos se quedan en AWS Secrets Manager y llegan al pod como archivos a través del
    controlador CSI de Secrets Store, nunca como literales en YAML (guide:G4.6, CIS 4.4.1, 4.4.2).
    Necesita el controlador y su proveedor de AWS instalados (vea README.md).
gen-callers-step =
    Quién llega a la aplicación de ejemplo: `{ $app }` (Service `{ $app }` en el espacio de nombres `{ $namespace }`,
    puerto 80 → { $port }) solo acepta conexiones de pods con la etiqueta `app: frontend` en `{ $namespace }`,
    cuya salida hacia ella también está permitida (`manifests/network-policies.yaml`); despliegue su
    frontend con esa etiqueta. Nada más llega a ella, tampoco un controlador de ingress: para
    exponerla, añada una NetworkPolicy para los pods de su controlador de ingress. Compruébelo con
    `ladrillo netpol explain { $namespace }/SU-FRONTEND { $namespace }/{ $app } { $port } -f manifests/ -f SU-FRONTEND.yaml`.
gen-secrets-store-step =
    La SecretProviderClass necesita en el clúster el controlador CSI de Secrets Store y su proveedor
    de AWS (charts de Helm `secrets-store-csi-driver` y `secrets-store-csi-driver-provider-aws`), y
    un secreto llamado `{ $prefix }db` en AWS Secrets Manager.
gen-autoscaler-header =
    Cluster Autoscaler (guide:G3.6): encuentra el grupo de nodos por sus etiquetas de
    autodescubrimiento y lo escala con un rol de IRSA limitado a los grupos de este clúster
    (iam/cluster-autoscaler-policy.json). El RBAC sigue el ejemplo de AWS de
    kubernetes/autoscaler; su versión coincide con la versión menor del clúster.
gen-autoscaler-pdb = Dos réplicas con elección de líder; un vaciado deja una en marcha.
gen-autoscaler-token = El token se monta explícitamente, de corta duración, en el único contenedor que lo necesita.
gen-autoscaler-kube-system-reason = vaciar un nodo desaloja sus pods de todos los espacios de nombres, kube-system incluido (pods/eviction, pods/status, events)
gen-karpenter-header =
    Aprovisionamiento de nodos con Karpenter (guide:G5.6, G3.6), con el mismo endurecimiento que el
    grupo de nodos administrado: subredes privadas, IMDSv2 con límite de saltos 1, volúmenes raíz gp3
    cifrados (guide:G4.7). Instale antes el controlador de Karpenter con su rol de IRSA (README.md).
gen-karpenter-expire = Los nodos se sustituyen cada 30 días, para que reciban las AMI con parches.
gen-karpenter-step =
    Karpenter se instala con su chart de Helm (`oci://public.ecr.aws/karpenter/karpenter`, en la
    versión que corresponda a su versión de Kubernetes) en el espacio de nombres `karpenter`, con su
    cuenta de servicio anotada con el rol de IRSA `{ $name }-karpenter` (`iam/karpenter-*.json`), antes de
    `kubectl apply -k`. El rol de los nodos `{ $node_role }` debe existir antes para eksctl (Terraform lo
    crea), y las subredes privadas y el grupo de seguridad de los nodos necesitan la etiqueta
    `karpenter.sh/discovery: { $name }`.
gen-karpenter-step-private =
    En un clúster totalmente privado, Karpenter necesita además puntos de enlace de VPC para SSM (su
    alias de AMI) y SQS (si la gestión de interrupciones está activada), que eksctl no crea, y el
    ajuste del chart `settings.isolatedVPC=true`, ya que la API de precios no tiene punto de enlace de VPC.
gen-namespaces-header =
    Pod Security Admission en el nivel restricted, aplicado, auditado y con avisos, fijado a la
    versión del clúster: sin root, sin escalada de privilegios, sin capacidades añadidas (guide:G4.3,
    CIS 4.2.1-4.2.5). Un espacio de nombres por equipo o aplicación (CIS 4.5.1, 4.5.2).
gen-network-policies-header =
    Cada espacio de nombres empieza cerrado: sin entrada ni salida, salvo DNS hacia kube-dns
    (guide:G4.4, CIS 4.3.2, 5.4.4). Las aplica el agente de políticas de red de VPC CNI
    (eksctl/cluster.yaml).
gen-network-policy-backend =
    El ejemplo de la guía (G4.4): el backend (la aplicación de ejemplo, `app: backend`) solo acepta
    tráfico de los pods del frontend (`app: frontend`, en este espacio de nombres) en el puerto { $port }.
gen-network-policy-frontend = Los pods del frontend pueden llamar al backend: sin esto, su salida también se deniega.
gen-network-policy-frontend-reason = el frontend (app: frontend) se despliega con su aplicación, no con este paquete
gen-network-policy-autoscaler = Cluster Autoscaler habla con el servidor de API y con las API de AWS, solo por HTTPS.
gen-rbac-header =
    Los desarrolladores (grupo de Kubernetes `developers`, asignado desde su rol de IAM por una
    entrada de acceso en eksctl/cluster.yaml) pueden hacer get, list y watch en sus espacios de
    nombres: sin escrituras, sin Secrets, nada en kube-system (guide:G4.1, CIS 4.1.1-4.1.4).
gen-storage-class-header =
    La StorageClass por defecto: volúmenes gp3 cifrados en reposo mediante el controlador CSI de
    EBS. EBS no se cifra si no se pide (guide:G2.4, G4.7).

## terraform/

gen-tf-default-tags = Etiquetas en cada recurso, para la trazabilidad (guide:G5.3).
gen-tf-header =
    Clúster EKS endurecido, generado por `ladrillo init`; el mismo clúster que eksctl/cluster.yaml.
    Aplíquelo con: terraform init && terraform apply
gen-tf-kms-key = Clave de KMS propia para el cifrado de sobre de los Secrets, rotada cada año (CIS 5.3.1, guide:G4.6).
gen-tf-kms-key-description = Cifrado de los Secrets de EKS de { $name }
gen-tf-cluster-role = Rol dedicado del clúster con AmazonEKSClusterPolicy (guide:G3.1).
gen-tf-secrets = Secrets con cifrado de sobre mediante la clave propia (CIS 5.3.1).
gen-tf-access-entries = Solo entradas de acceso, y ningún administrador oculto para quien crea el clúster (CIS 4.1.1, 4.1.7; guide:G4.2).
gen-tf-upgrade-extended = --extended-support: el clúster puede quedarse en el soporte extendido de EKS, con coste adicional (guide:G2.1).
gen-tf-upgrade-standard = Sin soporte extendido de pago: EKS actualiza el plano de control cuando termina el soporte estándar (guide:G2.1).
gen-tf-private-endpoint = Servidor de API accesible solo desde dentro de la VPC (CIS 5.4.1, 5.4.2; guide:G5.4).
gen-tf-restricted-endpoint = Punto de enlace privado para los nodos; el público solo para los rangos indicados (CIS 5.4.1).
gen-tf-oidc = Proveedor de OIDC para roles de IAM de cuentas de servicio (guide:G3.2, CIS 5.2.1).
gen-tf-irsa-role = Rol de IRSA en el que solo confía { $account } (guide:G3.2; iam/{ $key }-trust.json).
gen-tf-irsa-policy = Permisos mínimos (iam/{ $key }-policy.json).
gen-tf-node-role =
    Rol de los nodos: descargar imágenes, unirse al clúster, SSM en lugar de SSH; la política de
    CNI está en el rol de IRSA de vpc-cni, no en cada nodo (CIS 5.1.3, guide:G3.2).
gen-tf-launch-template =
    Solo IMDSv2 con límite de saltos 1, para que los pods no puedan tomar el rol del nodo; volúmenes
    raíz gp3 cifrados; sin clave SSH (guide:G3.2, G4.7).
gen-tf-node-group = Nodos administrados en subredes privadas de varias zonas, actualizaciones progresivas (CIS 5.4.3; guide:G5.1).
gen-tf-desired-size = El tamaño deseado lo cambia el autoescalador después de la creación.
gen-tf-karpenter-node-role = Nodos lanzados por Karpenter: las mismas políticas de nodo, unidos mediante una entrada de acceso EC2.
gen-tf-addons = Complementos administrados de EKS en compilaciones publicadas para Kubernetes { $version } (guide:G2.1, G3.3).
gen-tf-network-policy-agent = Agente de políticas de red, para que se apliquen las NetworkPolicies (CIS 4.3.1, 5.4.4).
gen-tf-admin-role = Un rol de administración dedicado, no quien crea el clúster (CIS 4.1.1).
gen-tf-developers = Desarrolladores: un grupo de Kubernetes vinculado en solo lectura por espacio de nombres en manifests/rbac.yaml (guide:G4.1).
gen-tf-karpenter-nodes = Los nodos que lanza Karpenter se unen mediante una entrada de acceso EC2.
gen-tf-var-region = Región de AWS del clúster.
gen-tf-var-cluster-name = Nombre del clúster EKS.
gen-tf-var-version = Versión de Kubernetes, con soporte estándar de EKS (guide:G2.1).
gen-tf-var-version-extended = Versión de Kubernetes, con soporte de EKS (guide:G2.1).
gen-tf-var-private-subnets = Subredes privadas, en al menos dos zonas de disponibilidad, para las ENI del plano de control y los nodos (CIS 5.4.3, guide:G5.1).
gen-tf-var-private-subnets-error = Indique al menos dos subredes privadas, en zonas de disponibilidad distintas.
gen-tf-var-public-access-cidrs = Los únicos rangos que pueden llegar al punto de enlace público de la API (CIS 5.4.1).
gen-tf-var-kms-key-arn = Clave de KMS propia para el cifrado de los Secrets (CIS 5.3.1).
gen-tf-var-admin-role = Rol de IAM que recibe la administración del clúster mediante una entrada de acceso (guide:G4.2).
gen-tf-var-developer-role = Rol de IAM asignado al grupo de Kubernetes de solo lectura developers (guide:G4.1).
gen-tf-var-instance-types = Tipos de instancia EC2 del grupo de nodos.
gen-tf-var-min-size = Número mínimo de nodos.
gen-tf-var-desired-size = Número deseado de nodos.
gen-tf-var-max-size = Número máximo de nodos.
gen-tf-var-tags = Etiquetas en cada recurso (guide:G5.3).
gen-tf-output-cluster-name = Nombre del clúster.
gen-tf-output-endpoint = Punto de enlace del servidor de API.
gen-tf-output-oidc = Proveedor de OIDC para IRSA.
gen-tf-output-kms = Clave de KMS que cifra los Secrets.
gen-tf-output-irsa-role = Rol de IRSA de { $account }.

## README.md

gen-readme-title = Clúster EKS endurecido `{ $name }` ({ $region }, Kubernetes { $version })
gen-readme-intro =
    Generado por `ladrillo init`. `ladrillo scan .` (todas las reglas, mediante `.ladrillo.yaml`) no da
    ningún hallazgo en este directorio; las únicas excepciones son exenciones escritas junto a lo que
    cubren, cada una con su motivo. Los comentarios de cada archivo indican qué práctica de la guía
    (`guide:G…`) y qué control de CIS Amazon EKS Benchmark v1.8 (`CIS …`) cumple cada ajuste.
gen-readme-before = Antes de empezar
gen-readme-placeholder-account =
    El ID de cuenta de AWS `{ $account }` es provisional. Genere de nuevo con su cuenta:
    `ladrillo init ... --account-id $(aws sts get-caller-identity --query Account --output text) --force`.
gen-readme-roles =
    Los roles de IAM `{ $admin }` (administradores del clúster) y `{ $developer }` (desarrolladores)
    deben existir; indique `--admin-role-arn` y `--developer-role-arn` para usar otros.
gen-readme-kms-key = eksctl necesita que exista la clave de KMS para el cifrado de los Secrets (Terraform crea la suya):
gen-readme-image-tags =
    La imagen de ejemplo de `manifests/app.yaml` va con etiqueta, no fijada: añada los digests
    `@sha256:` antes de producción (las anotaciones de exención explican por qué ahora se acepta).
gen-readme-image-tags-autoscaler =
    La imagen de ejemplo de `manifests/app.yaml` y la de Cluster Autoscaler van con etiqueta, no fijadas: añada los
    digests `@sha256:` antes de producción (las anotaciones de exención explican por qué ahora se acepta).
gen-readme-iam =
    `iam/*.json` documenta los roles de IRSA que crean eksctl y Terraform. Para crearlos a mano,
    sustituya `{ $oidc_id }` por el ID de OIDC de su clúster
    (`aws eks describe-cluster --name { $name } --query cluster.identity.oidc.issuer`).
gen-readme-private =
    Totalmente privado (`--private`): los nodos no tienen salida a internet. eksctl crea la VPC y sus
    puntos de enlace (ECR, S3, EC2, STS, CloudWatch Logs, Auto Scaling, CloudFormation); con Terraform,
    las subredes privadas que indique necesitan los mismos puntos de enlace. Container Insights
    necesita además uno de `monitoring` y el agente de GuardDuty uno de `guardduty-data`, que eksctl
    no crea.
gen-readme-support-extended =
    Kubernetes { $version } tiene soporte estándar de EKS hasta el { $standard } y, con `--extended-support`, soporte
    extendido (con un coste adicional por hora de clúster) hasta el { $extended }, cuando EKS actualiza por sí
    mismo el plano de control. Planifique la actualización antes.
gen-readme-support-standard =
    El soporte estándar de Kubernetes { $version } termina el { $end }; entonces EKS actualiza el plano de control
    (`upgradePolicy: STANDARD`, sin soporte extendido de pago). Actualice antes, también los complementos y los nodos.
gen-readme-create = Crear el clúster
gen-readme-with-eksctl = Con eksctl:
gen-readme-with-terraform = O con Terraform (asigne a `private_subnet_ids` subredes privadas de dos o más zonas):
gen-readme-reach = Acceder al servidor de API
gen-readme-reach-restricted =
    El servidor de API tiene un punto de enlace público abierto solo a { $ranges } (`--public-access-cidrs`)
    y uno privado para los nodos. Ejecute eksctl y kubectl desde una dirección de esos rangos:
gen-readme-reach-private =
    El servidor de API solo tiene un punto de enlace privado (`--private`). eksctl abre el punto de
    enlace público mientras crea el clúster, para unir los nodos, y lo cierra al terminar; Terraform
    nunca lo abre. Después, ejecute kubectl, y las órdenes de eksctl que usan la API de Kubernetes,
    desde dentro de la VPC: una instancia a la que se accede con SSM Session Manager, una VPN o Direct
    Connect hacia la VPC, o una VPC emparejada, admitidas en el puerto 443 por el grupo de seguridad
    del clúster. Desde allí:
gen-readme-check-again = Compruébelo de nuevo cuando quiera con `ladrillo scan --select all .`
gen-readme-table = Qué impone cada archivo
gen-readme-table-header = | archivo | impone | guía | CIS EKS 1.8 |

## ladrillo webhook manifests (manifests/ladrillo-webhook.yaml)

gen-webhook-header =
    ladrillo webhook: un webhook de admisión de validación que aplica las reglas de ladrillo
    (docs/webhook.md). Empiece en modo warn, lea los avisos y después pase los espacios de nombres a
    enforce (la etiqueta ladrillo.dev/webhook-mode o `webhook.namespaces` en la configuración).
gen-webhook-namespace =
    El espacio de nombres propio del webhook, restringido como las cargas de trabajo que juzga
    (guide:G4.3). La configuración del webhook lo excluye, para que el webhook siempre se pueda
    volver a desplegar.
gen-webhook-cluster-role =
    Solo lectura y solo de Namespaces: el webhook guarda en caché sus etiquetas (nivel de Pod
    Security, modo) y nunca llama al servidor de API mientras responde (guide:G4.1).
gen-webhook-config = Las reglas, los cambios de severidad, las exenciones y el fail-on que aplica el webhook (docs/configuration.md).
gen-webhook-no-exempt-namespace = Ningún espacio de nombres está exento por defecto: añada uno aquí solo como decisión deliberada.
gen-webhook-deployment =
    Tres réplicas en nodos y zonas distintos (guide:G5.1); el HPA de abajo decide el número.
    Sustituya la imagen por la suya y fíjela por su digest.
gen-manifests-digest-reason = el digest no se conoce cuando se generan los manifiestos; fije la imagen con su digest @sha256
gen-manifests-token = El token se monta explícitamente más abajo, de corta duración y solo para el servidor de API.
gen-webhook-pdb =
    Con failurePolicy Fail, un webhook no disponible detiene la admisión: los vaciados retiran una
    réplica a la vez (guide:G5.1).
gen-webhook-network-policies =
    Cerrado por defecto (guide:G4.4): el servidor de API puede llamar al webhook en el puerto
    { $port }, y el webhook puede llegar al DNS y al servidor de API (su vigilancia de Namespaces) en
    el puerto 443.
gen-manifests-api-server-ranges = Las ENI del servidor de API están en la VPC del clúster: reduzca estos rangos a su CIDR.
gen-webhook-certificates =
    cert-manager: una CA propia del webhook y el certificado de servidor que firma (se renueva
    antes de caducar; el webhook lo recarga cuando cambia el Secret).
gen-webhook-ca-bundle = La CA de `ladrillo webhook certs` (ca.crt, en base64): vea su salida.
gen-webhook-configuration =
    failurePolicy Fail: no se admite nada sin comprobar mientras el webhook está caído (3 réplicas,
    PDB). Su propio espacio de nombres se excluye para que siempre se pueda reparar; kube-system no
    (eximirlo es una decisión que se toma en la configuración o aquí).
gen-webhook-skip-controllers =
    Los pods que crean sus controladores ya se juzgaron como el Deployment, StatefulSet, DaemonSet o
    Job que los define: omitir esas peticiones quita la mayor parte de la carga.

## El escaneo dentro del clúster (deploy/ladrillo-scan-*.yaml, init --scan-cronjob)

gen-scan-header =
    ladrillo scan --cluster dentro del clúster (generado desde src/generate/scan_manifests.rs; no lo
    edite): un CronJob que escanea cada seis horas y escribe los hallazgos como PolicyReports (uno
    por espacio de nombres, todos llamados ladrillo) y un ClusterPolicyReport
    (wgpolicyk8s.io/v1alpha2). Aplique antes ladrillo-scan-rbac.yaml (espacio de nombres, cuenta de
    servicio, ClusterRole de solo lectura) e instale los CRD de PolicyReport del grupo de trabajo
    Kubernetes Policy; después, `kubectl get policyreports -A` muestra los hallazgos.
gen-scan-reports-role =
    El único acceso de escritura del escaneo: sus propios informes. Server-side apply crea un informe
    la primera vez (autorizado como create) y lo sustituye en cada ejecución (patch); sin get, list
    ni delete.
gen-scan-reports-binding = El escaneo escribe un informe en cada espacio de nombres que lee, kube-system incluido.
gen-scan-kube-system-reason = solo PolicyReports: el escaneo escribe uno en cada espacio de nombres que lee, kube-system incluido
gen-scan-config =
    Las reglas, los cambios de severidad y las exenciones del escaneo (docs/configuration.md).
    fail-on none: los hallazgos son informes, no un Job fallido; un Job falla cuando el escaneo está
    incompleto (un tipo que no pudo leer) o cuando no se pudo escribir un informe.
gen-scan-cronjob =
    Sustituya la imagen por la suya y fíjela por su digest. La memoria crece con el clúster: unos
    250 MB para 10 000 objetos (docs/performance.md); suba el límite en clústeres más grandes.
gen-scan-rbac-header =
    ladrillo scan --cluster: acceso de solo lectura exactamente a los tipos que enumera (generado
    desde src/live/resources.rs; no lo edite). Los Secrets no están entre ellos: vincule también
    ladrillo-scan-secrets-metadata solo para --include-secrets-metadata, ya que RBAC no puede
    limitar `list secrets` a sus metadatos.
