# The same cluster as full.cfn.yaml: every EKS resource the Terraform adapter links.
provider "aws" {
  region = "eu-west-1"
}

variable "cidrs" {
  default = ["10.0.0.0/8"]
}

locals {
  name = "full"
}

resource "aws_iam_role" "cluster" {
  name                = "full-cluster"
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"]
}

resource "aws_iam_role_policy_attachment" "vpc" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSVPCResourceController"
}

resource "aws_eks_cluster" "this" {
  name                      = local.name
  version                   = "1.32"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "audit"]
  vpc_config {
    subnet_ids              = ["subnet-a", "subnet-b"]
    endpoint_public_access  = true
    endpoint_private_access = true
    public_access_cidrs     = var.cidrs
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/full"
    }
  }
  access_config {
    authentication_mode = "API"
  }
  tags = { team = "platform" }
}

resource "aws_eks_node_group" "general" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "general"
  node_role_arn   = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids      = ["subnet-a"]
  instance_types  = ["m5.large", "m5a.large"]
  capacity_type   = "SPOT"
  ami_type        = "BOTTLEROCKET_x86_64"
  labels          = { role = "general" }
  tags            = { pool = "general" }
  scaling_config {
    min_size     = 1
    desired_size = 2
    max_size     = 3
  }
  taint {
    key    = "dedicated"
    value  = "general"
    effect = "NO_SCHEDULE"
  }
  taint {
    key    = "spot"
    effect = "NO_EXECUTE"
  }
  remote_access {
    ec2_ssh_key = "ops"
  }
}

resource "aws_launch_template" "custom" {
  key_name = "ops"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 50
      volume_type = "gp3"
      encrypted   = true
      kms_key_id  = "arn:aws:kms:eu-west-1:111122223333:key/ebs"
    }
  }
}

resource "aws_eks_node_group" "custom" {
  cluster_name    = "full"
  node_group_name = "custom"
  node_role_arn   = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids      = ["subnet-b"]
  launch_template {
    id      = aws_launch_template.custom.id
    version = "$Latest"
  }
  scaling_config {
    min_size     = 1
    desired_size = 1
    max_size     = 2
  }
}

resource "aws_eks_fargate_profile" "system" {
  cluster_name           = aws_eks_cluster.this.name
  fargate_profile_name   = "system"
  pod_execution_role_arn = "arn:aws:iam::111122223333:role/fargate"
  subnet_ids             = ["subnet-a"]
  selector {
    namespace = "kube-system"
  }
}

resource "aws_eks_addon" "cni" {
  cluster_name             = aws_eks_cluster.this.name
  addon_name               = "vpc-cni"
  addon_version            = "v1.19.0-eksbuild.1"
  service_account_role_arn = "arn:aws:iam::111122223333:role/cni"
  pod_identity_association {
    service_account = "aws-node"
    role_arn        = "arn:aws:iam::111122223333:role/cni"
  }
}

resource "aws_eks_addon" "dns" {
  cluster_name         = aws_eks_cluster.this.name
  addon_name           = "coredns"
  configuration_values = "{\"replicaCount\":3}"
}

resource "aws_eks_access_entry" "admin" {
  cluster_name      = aws_eks_cluster.this.name
  principal_arn     = "arn:aws:iam::111122223333:role/admin"
  kubernetes_groups = ["platform"]
  user_name         = "admin"
}

resource "aws_eks_access_policy_association" "view" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.admin.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
  access_scope {
    type       = "namespace"
    namespaces = ["apps", "jobs"]
  }
}

resource "aws_eks_access_policy_association" "admin" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = "arn:aws:iam::111122223333:role/admin"
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  access_scope {
    type = "cluster"
  }
}

resource "aws_eks_access_entry" "nodes" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = "arn:aws:iam::111122223333:role/nodes"
  type          = "EC2_LINUX"
}

resource "aws_eks_pod_identity_association" "app" {
  cluster_name    = aws_eks_cluster.this.name
  namespace       = "apps"
  service_account = "app"
  role_arn        = "arn:aws:iam::111122223333:role/app"
}

resource "aws_iam_openid_connect_provider" "cluster" {
  url            = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_guardduty_detector_feature" "runtime" {
  detector_id = "d"
  name        = "EKS_RUNTIME_MONITORING"
  status      = "ENABLED"
  additional_configuration {
    name   = "EKS_ADDON_MANAGEMENT"
    status = "ENABLED"
  }
}
