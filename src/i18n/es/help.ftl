# Reglas: líneas de ayuda (cómo corregir un hallazgo), con los ids `rule-<código>-help` y
# `rule-<código>-help-N`.

rule-eks001-help = cifre los secretos con una clave de KMS administrada por el cliente ({ $form ->
        [terraform] Terraform `encryption_config` con `resources = ["secrets"]` y `provider.key_arn`
        [cloudformation] CloudFormation `EncryptionConfig` con `Resources: [secrets]` y `Provider.KeyArn`
        [eksctl] eksctl `secretsEncryption.keyARN`
       *[other] `aws eks associate-encryption-config` en el clúster en marcha
    })
rule-eks002-help = desactive el punto de enlace público, o enumere en sus CIDR de acceso público solo los que lo necesitan{ $form ->
        [terraform] {" "}(Terraform `public_access_cidrs`)
        [cloudformation] {" "}(CloudFormation `PublicAccessCidrs`)
        [eksctl] {" "}(eksctl `vpc.publicAccessCIDRs`)
       *[other] {""}
    }
rule-eks003-help = desactive el punto de enlace público y acceda al servidor de API por el punto de enlace privado{ $form ->
        [terraform] {" "}(Terraform `endpoint_public_access = false`)
        [cloudformation] {" "}(CloudFormation `EndpointPublicAccess: false`)
        [eksctl] {" "}(eksctl `vpc.clusterEndpoints.publicAccess: false`)
       *[other] {""}
    }
rule-eks004-help = active el punto de enlace privado para que el tráfico desde la VPC no salga de la VPC{ $form ->
        [terraform] {" "}(Terraform `endpoint_private_access = true`)
        [cloudformation] {" "}(CloudFormation `EndpointPrivateAccess: true`)
        [eksctl] {" "}(eksctl `vpc.clusterEndpoints.privateAccess: true`)
       *[other] {""}
    }
rule-eks005-help = active los tipos de registro api, audit, authenticator, controllerManager y scheduler{ $form ->
        [terraform] {" "}(Terraform `enabled_cluster_log_types`)
        [cloudformation] {" "}(CloudFormation `Logging.ClusterLogging.EnabledTypes`)
        [eksctl] {" "}(eksctl `cloudWatch.clusterLogging.enableTypes`)
       *[other] {""}
    }
rule-eks006-help = active IRSA o EKS Pod Identity ({ $form ->
        [terraform] Terraform `aws_iam_openid_connect_provider` para el emisor del clúster, o `aws_eks_pod_identity_association`
        [cloudformation] CloudFormation `AWS::IAM::OIDCProvider` para el emisor del clúster, o `AWS::EKS::PodIdentityAssociation`
        [eksctl] eksctl `iam.withOIDC: true`, o `iam.podIdentityAssociations`
       *[other] un proveedor OIDC de IAM para el emisor del clúster, o asociaciones de Pod Identity
    }), y dé a los pods sus propios roles
rule-eks007-help = ejecute los nodos en subredes privadas ({ $form ->
        [eksctl] eksctl `privateNetworking: true`
        [karpenter] EC2NodeClass `associatePublicIPAddress: false` y `subnetSelectorTerms` que elijan subredes privadas
       *[other] subredes sin ruta a un gateway de internet y sin direcciones IP públicas
    })
rule-eks008-help = reparta el grupo entre subredes de al menos dos zonas de disponibilidad
rule-eks008-help-2 = asigne al grupo subredes de al menos dos zonas de disponibilidad
rule-eks009-help = cifre los volúmenes raíz ({ $form ->
        [terraform] Terraform `encrypted = "true"` en el bloque `ebs` de `block_device_mappings` de la plantilla de lanzamiento
        [cloudformation] CloudFormation `Encrypted: true` en `Ebs` de `BlockDeviceMappings` de la plantilla de lanzamiento
        [eksctl] eksctl `volumeEncrypted: true`
        [karpenter] EC2NodeClass `encrypted: true` en `ebs` de `blockDeviceMappings`
       *[other] `encrypted: true` en una plantilla de lanzamiento o un EC2NodeClass
    })
rule-eks010-help = exija tokens de IMDSv2 ({ $form ->
        [terraform] Terraform `http_tokens = "required"` en `metadata_options` de la plantilla de lanzamiento
        [cloudformation] CloudFormation `HttpTokens: required` en `MetadataOptions` de la plantilla de lanzamiento
        [eksctl] eksctl `disableIMDSv1: true`
        [karpenter] EC2NodeClass `metadataOptions.httpTokens: required`
       *[other] `httpTokens: required` en la plantilla de lanzamiento
    })
rule-eks010-help-2 = fije el límite de saltos de metadatos en 1 salvo que los pods necesiten los metadatos del nodo
rule-eks011-help = desactive SSH y use SSM Session Manager, o permita solo el grupo de seguridad de un bastión
rule-eks012-help = actualice a una versión de Kubernetes con soporte estándar en EKS
rule-eks013-help = use entradas de acceso: defina el modo de autenticación API, o API_AND_CONFIG_MAP durante la migración{ $form ->
        [terraform] {" "}(Terraform `access_config.authentication_mode`)
        [cloudformation] {" "}(CloudFormation `AccessConfig.AuthenticationMode`)
        [eksctl] {" "}(eksctl `accessConfig.authenticationMode`)
       *[other] {""}
    }
rule-eks014-help = desactive el arranque del creador como administrador y conceda la administración mediante una entrada de acceso explícita{ $form ->
        [terraform] {" "}(Terraform `bootstrap_cluster_creator_admin_permissions = false`)
        [cloudformation] {" "}(CloudFormation `AccessConfig.BootstrapClusterCreatorAdminPermissions: false`)
        [eksctl] {" "}(eksctl `accessConfig.bootstrapClusterCreatorAdminPermissions: false`)
       *[other] {""}
    }
rule-eks015-help = asocie system:masters solo a un rol de administración dedicado o, mejor, a ninguno
rule-eks015-help-2 = conceda la administración del clúster solo a un rol dedicado
rule-eks016-help = instale los complementos que faltan como complementos administrados de EKS
rule-eks017-help = use la compilación del complemento publicada para la versión de Kubernetes del clúster
rule-eks018-help = mantenga mínimo ≤ deseado ≤ máximo
rule-eks019-help = enumere varios tipos de instancia similares para que las interrupciones de spot no se lleven todos los nodos
rule-eks020-help = adjunte la política administrada AmazonEKSClusterPolicy al rol del clúster
rule-eks021-help = añada al clúster las etiquetas obligatorias
rule-eks022-help = añada el complemento amazon-cloudwatch-observability, o cree una exención donde funcione otra pila de supervisión
rule-eks023-help = active GuardDuty Runtime Monitoring con el complemento aws-guardduty-agent, o cree una exención donde funcione otra herramienta de tiempo de ejecución
rule-eks024-help = añada `encrypted: "true"` (y un `kmsKeyId` del cliente) a los parámetros
rule-eks024-help-2 = defina `encrypted: "true"` (entre comillas) en los parámetros
rule-eks025-help = aumente maxSize, use tipos de instancia con más direcciones (`ladrillo max-pods --all`) o active la delegación de prefijos
rule-hyg001-help = despliéguelo en un espacio de nombres propio (con etiquetas de Pod Security y políticas de red)
rule-hyg002-help = muévalo a un espacio de nombres propio, con su propia cuenta de servicio y su RBAC
rule-net001-help = use el tipo ClusterIP y exponga el Service mediante un Ingress o un balanceador de carga interno
rule-net001-help-2 = enumere los CIDR de los clientes en spec.loadBalancerSourceRanges, o hágalo interno con `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`
rule-net103-help = ejecute los pods sin `hostNetwork: true`, o restrinja su tráfico con grupos de seguridad de los nodos
rule-net103-help-2 = añada al espacio de nombres una NetworkPolicy de denegación por defecto, o una cuyo podSelector coincida con estas etiquetas de pod
rule-net104-help = haga que el podSelector coincida con las etiquetas de la plantilla de pod de la carga de trabajo que quiere proteger, o elimine la política
rule-net105-help = añada `from` nombrando los pods o CIDR que necesitan acceso
rule-net105-help-2 = restrinja `namespaceSelector` a los espacios de nombres de los clientes y añada un `podSelector` para los pods clientes
rule-net105-help-3 = enumere solo los CIDR externos que necesitan acceso
rule-net106-help = corrija el selector o el espacio de nombres; una aserción sobre nada siempre se cumple
rule-net107-help = corrija el campo; hasta entonces la política no aísla nada
rule-net111-help = quite externalIPs y publique el Service mediante un balanceador de carga o un Ingress; bloquee el campo con una política de admisión
rule-net112-help = añada un listener HTTPS: spec.tls con el Secret del certificado o, con AWS Load Balancer Controller, un certificado de ACM y listen-ports con HTTPS; redirija HTTP a HTTPS
rule-pod001-help = elimine `privileged: true`; añada solo las capacidades que el contenedor necesita
rule-pod002-help = use un runAsUser distinto de cero y defina runAsNonRoot: true
rule-pod002-help-2 = defina securityContext.runAsNonRoot: true (en el pod, para cubrir todos los contenedores)
rule-pod003-help = quítela de capabilities.add; el conjunto baseline basta para la mayoría de las aplicaciones
rule-pod004-help = defina securityContext.capabilities.drop: ["ALL"] y vuelva a añadir solo lo necesario
rule-pod006-help = defina securityContext.readOnlyRootFilesystem: true y monte volúmenes emptyDir donde escriba
rule-pod007-help = elimine hostNetwork: true y exponga el pod mediante un Service
rule-pod008-help = elimine hostPID: true; para inspeccionar los procesos de otro contenedor use kubectl debug --target=<contenedor>
rule-pod009-help = elimine hostIPC: true
rule-pod010-help = elimine hostPort (o use un puerto del 1 al 65535, que lo abre en el nodo)
rule-pod010-help-2 = elimine hostPort y exponga el puerto mediante un Service
rule-pod011-help = use otro tipo de volumen; si el agente debe leer el nodo, monte la ruta más acotada en solo lectura
rule-pod011-help-2 = use en su lugar emptyDir, un persistentVolumeClaim, un configMap o un secret
rule-pod012-help = defina resources.requests.cpu y resources.requests.memory a partir del uso observado
rule-pod013-help = defina resources.limits.memory (normalmente igual a la solicitud de memoria), y resources.limits.cpu salvo que preocupe la limitación de CPU
rule-pod013-help-2 = defina resources.limits.cpu, o cree una exención si la limitación de CPU es el riesgo mayor
rule-pod014-help = añada una livenessProbe que falle solo cuando el proceso no pueda recuperarse
rule-pod015-help = añada una readinessProbe que tenga éxito solo cuando el contenedor pueda atender peticiones
rule-pod016-help = use una etiqueta de versión concreta, idealmente fijada por digest (@sha256:…)
rule-pod017-help = añada el digest de la imagen: nombre:etiqueta@sha256:…
rule-pod018-help = fije la imagen por digest o defina imagePullPolicy: Always
rule-pod019-help = cree una cuenta de servicio dedicada y asígnela en spec.serviceAccountName
rule-pod020-help = defina automountServiceAccountToken: false en el pod (o en su cuenta de servicio)
rule-pod022-help = defina readOnly: true en cada montaje de la ruta del host, o use emptyDir o un PersistentVolumeClaim para los datos que escribe el contenedor
rule-pod023-help = quite el servidor SSH y el puerto; depure con kubectl exec o kubectl debug, que RBAC controla y el registro de auditoría recoge
rule-pod024-help = quite hostAliases y resuelva los nombres por DNS (un Service, un Service ExternalName o una zona privada de Route 53)
rule-pod025-help = quite shareProcessNamespace; para inspeccionar un contenedor en ejecución use kubectl debug --target=<contenedor>
rule-pod026-help = defina la solicitud de memoria según el uso máximo real del contenedor y el límite igual o cercano a ella
rule-pod027-help = escriba la imagen como registro/repositorio:etiqueta@sha256:<64 dígitos hexadecimales>
rule-pod028-help = dé al campo el tipo que indica la referencia de la API de Kubernetes
rule-pod028-help-required = defina el campo: el servidor de API lo exige
rule-pod028-help-invalid = escriba el valor como lo permite la referencia de la API de Kubernetes
rule-pss001-help = corrija el tipo del campo; el servidor de API rechaza el objeto tal como está escrito
rule-pss001-help-app-armor-profile = use un perfil de AppArmor de tipo RuntimeDefault o Localhost
rule-pss001-help-capabilities-baseline = añada solo capacidades de la lista de baseline (o ninguna)
rule-pss001-help-host-namespaces = quite hostNetwork, hostPID y hostIPC
rule-pss001-help-host-path-volumes = sustituya los volúmenes hostPath por emptyDir, un PVC o un volumen projected
rule-pss001-help-host-ports = quite hostPort; exponga el puerto a través de un Service
rule-pss001-help-host-probes = quite `host` de las sondas y de los manejadores de ciclo de vida
rule-pss001-help-privileged = quite `privileged: true`
rule-pss001-help-proc-mount = quite procMount o póngalo en Default
rule-pss001-help-selinux-options = use un tipo de SELinux permitido y deje sin definir user y role
rule-pss001-help-seccomp-baseline = no ponga el perfil seccomp en Unconfined
rule-pss001-help-sysctls = defina solo los sysctls seguros que permite el nivel
rule-pss001-help-windows-host-process = quite windowsOptions.hostProcess
rule-pss001-help-allow-privilege-escalation = defina securityContext.allowPrivilegeEscalation: false en cada contenedor
rule-pss001-help-capabilities-restricted = defina capabilities.drop: ["ALL"] y añada como mucho NET_BIND_SERVICE en cada contenedor
rule-pss001-help-restricted-volumes = use solo volúmenes configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected o secret
rule-pss001-help-run-as-non-root = defina securityContext.runAsNonRoot: true en el pod
rule-pss001-help-run-as-user = use un runAsUser distinto de 0
rule-pss001-help-seccomp-restricted = defina securityContext.seccompProfile.type: RuntimeDefault en el pod
rule-pss002-help = añada las etiquetas `{ $label }: restricted` (o baseline) y `{ $label }-version` fijada a la versión de su clúster
rule-pss003-help = aplique baseline o restricted; reserve privileged para los espacios de nombres de componentes de sistema de confianza
rule-pss004-help = use enforce, audit o warn, opcionalmente con -version
rule-pss004-help-2 = use privileged, baseline o restricted como nivel, y latest o v1.N como versión
rule-rbac001-help = enumere los verbos y recursos que este rol necesita en lugar de `*`
rule-rbac002-help = vincule un rol con solo los permisos que este sujeto necesita
rule-rbac002-help-2 = asocie la identidad a un grupo vinculado a un rol acotado, o use una entrada de acceso de EKS con una política acotada
rule-rbac003-help = vincule el rol a los usuarios, grupos o cuentas de servicio concretos que lo necesitan
rule-rbac008-help = mueva la cuenta de servicio privilegiada a un espacio de nombres en el que solo desplieguen los administradores, o quite a este rol la creación de pods
rule-rbac015-help = vincule a las personas a roles de solo lectura y deje que los cambios los haga un pipeline de despliegue
rule-rbac016-help = conceda acceso de escritura solo en los espacios de nombres de aplicaciones, no en kube-system
rule-rbac017-help = use una cuenta de servicio con solo los permisos que la carga de trabajo necesita, o defina automountServiceAccountToken: false
rule-rbac018-help = corrija el selector; hasta entonces el ClusterRole no se puede aplicar y no agrega nada
rule-rbac019-help = defina automountServiceAccountToken: false en la cuenta de servicio default y dé a las cargas de trabajo que necesiten la API su propia cuenta de servicio
rule-rbac020-help = corrija el sujeto; hasta entonces la vinculación no se puede aplicar y no concede nada
rule-rel002-help = defina replicas en 2 o más, o escálelo con un HorizontalPodAutoscaler (minReplicas ≥ 2)
rule-rel006-help = ejecute el pod mediante un Deployment, StatefulSet o DaemonSet, o un Job para el trabajo que termina
rule-rel007-help = ponga nombre al puerto en los ports del contenedor, o dirija la sonda al número de puerto
rule-rel008-help = ejecute más réplicas que minAvailable, o use maxUnavailable: 1 (o un porcentaje)
rule-rel009-help = dirija la sonda de actividad a una comprobación barata que solo pruebe que el proceso responde, con un failureThreshold mayor que la de disponibilidad
rule-sec003-help = rote los valores; aplique los Secrets con `kubectl apply --server-side` y elimine esta anotación
rule-sec004-help = desactive y rote esta clave de AWS, y use roles (SSO, roles asumidos, IRSA o EKS Pod Identity) en lugar de claves
rule-pod005-help = defina securityContext.allowPrivilegeEscalation: false
rule-pod005-help-privileged = elimine privileged: true y después defina allowPrivilegeEscalation: false
rule-pod005-help-sys-admin = quite SYS_ADMIN de capabilities.add y después defina allowPrivilegeEscalation: false
rule-pod021-help = deje una sola definición de cada variable de entorno
rule-sec005-help = monte el Secret como un volumen de solo lectura y léalo del fichero, o use el controlador CSI de Secrets Store
rule-net101-help = añada en "{ $namespace }" una NetworkPolicy con `podSelector: {"{}"}` y `policyTypes: [{ $direction ->
        [ingress] Ingress
       *[egress] Egress
    }]` sin reglas { $direction ->
        [ingress] de entrada
       *[egress] de salida
    }, y después permita los flujos que necesite
rule-net106-help-2 = cambie las NetworkPolicies (vea `ladrillo netpol explain '{ $src }' '{ $dst }'`) o la aserción
rule-net108-help = haga que el selector coincida con las etiquetas de la plantilla de pod de la carga de trabajo a la que da servicio el Service
rule-net109-help = indique un Service existente, o añada el que falta
rule-net109-help-2 = use uno de los spec.ports del Service (por número o por nombre)
rule-net110-help = use el nombre de un puerto de contenedor de los pods seleccionados, o el número de puerto
rule-rbac004-help = quite el verbo `escalate`; los cambios de roles corresponden a los administradores del clúster
rule-rbac005-help = quite el verbo `bind` o limítelo con resourceNames a roles que se puedan conceder sin riesgo
rule-rbac006-help = quite el verbo `impersonate` o restrínjalo con resourceNames
rule-rbac007-help = quite de este rol los verbos de escritura sobre rolebindings/clusterrolebindings
rule-rbac009-help = quite pods/exec, pods/attach y pods/portforward de los roles de las identidades de uso diario
rule-rbac010-help = quite nodes/proxy del rol; para la monitorización use nodes/metrics o nodes/stats
rule-rbac011-help = conceda el acceso a los secretos por espacio de nombres con una RoleBinding, limitado a secretos concretos
rule-rbac012-help = quite create sobre serviceaccounts/token
rule-rbac013-help = quite de este rol los permisos de aprobación y firma de CSR
rule-rbac014-help = quite los verbos de escritura sobre las configuraciones de webhooks mutating/validating
rule-rel001-help = añada en el espacio de nombres "{ $namespace }" un PodDisruptionBudget (p. ej. maxUnavailable: 1) cuyo selector coincida con las etiquetas de la plantilla de pod
rule-rel002-help-2 = defina minReplicas en 2 o más en el HorizontalPodAutoscaler "{ $autoscaler }"
rule-rel003-help = haga que las etiquetas del selector sean un subconjunto de spec.template.metadata.labels
rule-rel004-help = haga que scaleTargetRef indique el tipo y el nombre de la carga de trabajo que se debe escalar
rule-rel005-help = haga que el selector coincida con las etiquetas de la plantilla de pod de la carga de trabajo que quiere proteger
rule-hyg003-help = añada la etiqueta `{ $label }: <aplicación>` a metadata.labels
rule-hyg004-help = conserve una sola copia, o cambie el nombre de uno de los objetos
rule-hyg005-help = corrija el nombre, o añada { $kind } "{ $name }" a los manifiestos
rule-hyg006-help = reescríbalo como { $replacement }
rule-hyg006-help-2 = reescríbalo como { $replacement } antes de actualizar a 1.{ $removed }
secret-help-aws = desactive y rote esta clave de AWS, y después dé a los pods un rol de IAM (IRSA o EKS Pod Identity) en lugar de claves
secret-help = rote la credencial, guárdela en un Secret o en AWS Secrets Manager (controlador CSI de Secrets Store) y { $store ->
        [env] móntela como archivo de solo lectura en lugar de una variable de entorno
        [annotation] haga referencia a ella desde el pod en lugar de una anotación
       *[configmap] monte el Secret o haga referencia a él en lugar de esta clave
    }
rule-inp001-help = elimine una de las dos entradas
rule-inp002-help = ponga el valor entre comillas si es una cadena, o escríbalo sin ambigüedad
rule-inp003-help = añada `{ $reason }` y un `{ $until }` futuro, o elimine la exención
rule-inp003-help-2 = dé a la exención un `reason` y un `until` futuro, o elimínela
rule-inp003-help-3 = nombre en `{ $ignore }` las reglas que se eximen, separadas por comas, o elimine la exención
rule-inp004-help = elimine la exención, o corrija los nombres de reglas que enumera
rule-inp004-help-2 = elimine la exención, o corrija aquello con lo que coincide
rule-inp005-help = escriba apiVersion: { $version }
